<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="+100"/>
        <source>Anju cannot open the database</source>
        <translation>安居无法打开数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database could not be opened:
{url}

{reason}

Check that the file or server is reachable and that you may use it; a different database can be chosen with  anju --db URL.</source>
        <translation>无法打开数据库：
{url}

{reason}

请检查数据库文件或服务器能否访问、当前用户是否有权使用；也可以用  anju --db URL  指定其他数据库。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../views/audit_page.py" line="+42"/>
        <source>Filter by person, action, record or key</source>
        <translation>按操作人、操作、对象或编号筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This project only</source>
        <translation>仅本项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Verify the audit log</source>
        <translation>校验审计日志(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The check replays every logged change and compares it with the data.</source>
        <translation>校验会重放日志中的每一项变更，并与现有数据逐条比对。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{shown} of {total} events</source>
        <translation>显示 {shown} / 共 {total} 条</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The audit log is broken at event {seq} ({reason}): an event was edited or deleted.</source>
        <translation>审计日志在第 {seq} 条处断裂（{reason}）：有记录被修改或删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data differs from the audit log: {entity} {key}, {reason} (field {field}). It was changed outside Anju.</source>
        <translation>数据与审计日志不一致：{entity} {key}，{reason}（字段 {field}），该数据曾在安居之外被改动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The audit log is whole ({events} events) and the data matches it.</source>
        <translation>审计日志完整（共 {events} 条），数据与日志一致。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../models/audit.py" line="+24"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed fields</source>
        <translation>变更字段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed</source>
        <translation>改名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household</source>
        <translation>被安置户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat</source>
        <translation>房源</translation>
    </message>
</context>
<context>
    <name>BuildingView</name>
    <message>
        <location filename="../widgets/building_view.py" line="+486"/>
        <source>No flats registered yet.</source>
        <translation>尚未登记房源。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Building:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{count} flats</source>
        <translation>{count} 套</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../cli.py" line="+27"/>
        <source>error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>created project {name}</source>
        <translation>已创建项目 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed project {old} to {new}</source>
        <translation>已将项目 {old} 改名为 {new}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>demo project created: {households} households, {members} people, {flats} flats</source>
        <translation>演示项目已创建：{households} 户，{members} 人，房源 {flats} 套</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>files written to {path}</source>
        <translation>文件已写入 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>template written to {path}</source>
        <translation>模板已写入 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing was imported: {count} problems in {path}</source>
        <translation>未导入任何数据：{path} 中有 {count} 处问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>imported {count} households into {project}</source>
        <translation>已导入 {count} 户到项目 {project}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>imported {count} flats into {project}</source>
        <translation>已导入 {count} 套房源到项目 {project}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported {count} households to {path}</source>
        <translation>已导出 {count} 户到 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported {count} flats to {path}</source>
        <translation>已导出 {count} 套房源到 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backup written to {path}: {households} households, {events} audit events</source>
        <translation>备份已写入 {path}：{households} 户，审计记录 {events} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restored {path}: {households} households, {events} audit events</source>
        <translation>已从 {path} 恢复：{households} 户，审计记录 {events} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>project {project} has no policy yet</source>
        <translation>项目 {project} 尚无分房方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>policy version {version}, {status}, SHA-256 {sha256}</source>
        <translation>分房方案第 {version} 版，状态 {status}，SHA-256 {sha256}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wrote {path} ({pages} pages)</source>
        <translation>已生成 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning: the font cannot draw these characters, they print blank: {characters}</source>
        <translation>警告：字体缺少以下字符，打印时将为空白：{characters}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>published the pool of {project}: {size} households, SHA-256 {sha256}</source>
        <translation>已公布 {project} 的摇号名单：{size} 户，SHA-256 {sha256}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draw {seq} of {project} written to {path}, record SHA-256 {sha256}</source>
        <translation>{project} 第 {seq} 次摇号记录已写入 {path}，记录 SHA-256 {sha256}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draw {seq} of {project} retracted: {reason}</source>
        <translation>{project} 第 {seq} 次摇号已撤销：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>audit log whole: {events} events, and the data matches them</source>
        <translation>审计日志完整：共 {events} 条记录，数据与记录一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>audit log broken at event {seq}: {reason}</source>
        <translation>审计日志在第 {seq} 条记录处断裂：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>data differs from the audit log: {entity} {key}: {reason} (field {field})</source>
        <translation>数据与审计日志不一致：{entity} {key}：{reason}（字段 {field}）</translation>
    </message>
</context>
<context>
    <name>ConditionBuilder</name>
    <message>
        <location filename="../widgets/condition_builder.py" line="+103"/>
        <source>No condition: applies to every household</source>
        <translation>无条件：适用于所有家庭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No condition: applies to every member</source>
        <translation>无条件：适用于所有成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <location filename="../widgets/condition_term.py" line="+44"/>
        <source> and </source>
        <translation>且</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> or </source>
        <translation>或</translation>
    </message>
</context>
<context>
    <name>ConditionsButton</name>
    <message>
        <location filename="../widgets/members_grid.py" line="+70"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>DrawOrderModel</name>
    <message>
        <location filename="../models/draw_order.py" line="+23"/>
        <source>Order</source>
        <translation>顺序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household</source>
        <translation>户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>优先组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sort key</source>
        <translation>排序键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lottery rank</source>
        <translation>摇号序位</translation>
    </message>
</context>
<context>
    <name>DrawPage</name>
    <message>
        <location filename="../views/draw_page.py" line="+134"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Publish pool…</source>
        <translation>公布摇号池…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy:</source>
        <translation>分房方案：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool:</source>
        <translation>摇号池：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool SHA-256:</source>
        <translation>摇号池 SHA-256：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw:</source>
        <translation>摇号：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sources and witnesses</source>
        <translation>随机源与见证人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>as announced, e.g. 2 5 12 18 26 33</source>
        <translation>按公告原样填写，例如 2 5 12 18 26 33</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source {n}:</source>
        <translation>随机源 {n}：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Method:</source>
        <translation>算法：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add witness</source>
        <translation>添加见证人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove witness</source>
        <translation>删除见证人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draw…</source>
        <translation>摇号…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Witnesses:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record SHA-256:</source>
        <translation>记录 SHA-256：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Projector view</source>
        <translation>投影视图</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export record…</source>
        <translation>导出记录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retract…</source>
        <translation>撤回摇号…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>no policy yet</source>
        <translation>尚无政策</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version {v} is a draft, not frozen ({sha})</source>
        <translation>第 {v} 版为草稿，尚未冻结（{sha}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version {v} frozen ({sha})</source>
        <translation>第 {v} 版已冻结（{sha}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not published</source>
        <translation>未公布</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>published: {count} households, membership and order locked</source>
        <translation>已公布：{count} 户，成员与顺序已锁定</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not drawn yet</source>
        <translation>尚未摇号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draw {seq} done ({method})</source>
        <translation>第 {seq} 次摇号已完成（{method}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>draw {seq} retracted: {reason}</source>
        <translation>第 {seq} 次摇号已撤销：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draw {seq}: sources announced, not drawn yet</source>
        <translation>第 {seq} 次摇号：随机源已公告，尚未摇号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No draw yet</source>
        <translation>尚未摇号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draw {seq} — RETRACTED, not valid</source>
        <translation>第 {seq} 次摇号 — 已撤销，无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw {seq} — final order of {count} households</source>
        <translation>第 {seq} 次摇号 — {count} 户最终顺序</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>History: {draws}</source>
        <translation>历史：{draws}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>announced</source>
        <translation>已公告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retracted</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Publish the pool</source>
        <translation>公布摇号池</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish the pool of every registered household, numbered by household code?

From now on its membership and order are locked: no household can be added or removed, and the priority groups are fixed under the frozen policy.</source>
        <translation>公布由全部已登记户组成、按户号编号的摇号池？

公布后成员与顺序即被锁定：不能再增加或删除任何一户，优先组按已冻结的政策固定。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Run the draw</source>
        <translation>进行摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the draw now with {count} source(s) and method {method}?

The draw runs once; its record is sealed and can only be retracted with a reason.</source>
        <translation>现在使用 {count} 个随机源和 {method} 算法进行摇号？

摇号只进行一次；其记录将被封存，只能说明理由后撤销。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export the draw record</source>
        <translation>导出摇号记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw records (*.json)</source>
        <translation>摇号记录 (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Retract the draw</source>
        <translation>撤回本次摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this draw retracted? The reason goes into the audit log.</source>
        <translation>为什么撤销本次摇号？理由将记入审计日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A draw is only retracted with a reason.</source>
        <translation>撤销摇号必须说明理由。</translation>
    </message>
</context>
<context>
    <name>FlatDialog</name>
    <message>
        <location filename="../views/flat_dialog.py" line="+90"/>
        <source>Add flat {key}</source>
        <translation>添加房源 {key}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit flat {key}</source>
        <translation>修改房源 {key}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete flat {key}</source>
        <translation>删除房源 {key}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete {count} flats</source>
        <translation>删除 {count} 套房源</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+2"/>
        <source>Enter a number, for example 85.50</source>
        <translation>请输入数字，例如 85.50</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use at most two decimals</source>
        <translation>最多保留两位小数</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Edit flat</source>
        <translation>编辑房源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add flat</source>
        <translation>添加房源</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Building:</source>
        <translation>楼栋(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>单元(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Floor:</source>
        <translation>楼层(&amp;F)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat &amp;number:</source>
        <translation>房号(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor &amp;area:</source>
        <translation>建筑面积(&amp;A)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layout:</source>
        <translation>户型(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Orientation:</source>
        <translation>朝向(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base &amp;price:</source>
        <translation>基准价(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yuan/m²</source>
        <translation>元/m²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total price:</source>
        <translation>总价：</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still to fill in: {fields}</source>
        <translation>尚需填写：{fields}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{total} yuan</source>
        <translation>{total} 元</translation>
    </message>
</context>
<context>
    <name>FlatTableModel</name>
    <message>
        <location filename="../models/flats.py" line="+50"/>
        <source>Building</source>
        <extracomment>The flat&apos;s FlatStatus value (a str: Qt turns str-enums into plain strings anyway).</extracomment>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout</source>
        <translation>户型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation</source>
        <translation>朝向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base price (yuan/m²)</source>
        <translation>基准价（元/m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total (yuan)</source>
        <translation>总价（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Available</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Building {0}</source>
        <translation>{0}栋</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unit {0}</source>
        <translation>{0}单元</translation>
    </message>
    <message>
        <location line="+257"/>
        <source>{key} · {layout} · {area} m² · {total} yuan</source>
        <translation>{key} · {layout} · {area} m² · {total} 元</translation>
    </message>
</context>
<context>
    <name>FlatsPage</name>
    <message>
        <location filename="../views/flats_page.py" line="+112"/>
        <source>Search number, layout, orientation…</source>
        <translation>搜索房号、户型、朝向…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building view</source>
        <translation>楼盘表</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add flat…</source>
        <translation>添加房源(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All layouts</source>
        <translation>全部户型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{shown} of {total} flats</source>
        <translation>显示 {shown} / 共 {total} 套</translation>
    </message>
    <message>
        <location line="+84"/>
        <location line="+13"/>
        <source>Delete flats</source>
        <translation>删除房源</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Delete {count} flat(s): {keys}?</source>
        <translation>删除以下 {count} 套房源：{keys}？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not available (reserved, selected or unavailable): {keys}</source>
        <translation>其中不是“可选”状态的（保留、已选或不可用）：{keys}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>删除后可通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>FloorGrid</name>
    <message>
        <location filename="../widgets/building_view.py" line="-272"/>
        <source>{0}F</source>
        <translation>{0}层</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Area: {0} m²</source>
        <translation>面积：{0} m²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base price: {0} yuan/m²</source>
        <translation>基准价：{0} 元/m²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total: {0} yuan</source>
        <translation>总价：{0} 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: {0}</source>
        <translation>状态：{0}</translation>
    </message>
</context>
<context>
    <name>HouseholdCommands</name>
    <message>
        <location filename="../views/household_commands.py" line="+109"/>
        <source>Add household {code}</source>
        <translation>添加户 {code}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit household {code}</source>
        <translation>修改户 {code}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete household {code}</source>
        <translation>删除户 {code}</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../widgets/members_grid.py" line="+30"/>
        <source>Grade {grade}</source>
        <translation>{grade}级</translation>
    </message>
    <message>
        <location filename="../views/household_dialog.py" line="+101"/>
        <source>Add household</source>
        <translation>添加被安置户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household {code}</source>
        <translation>被安置户 {code}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. LD-001</source>
        <translation>例如 LD-001</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signed on</source>
        <translation>已签约</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taken from the member whose relation is 户主</source>
        <translation>取自家庭成员中关系为“户主”的一行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Household code *</source>
        <translation>户号 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal area (m²) *</source>
        <translation>原合法面积（m²）*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original address</source>
        <translation>原住址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>签约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing order</source>
        <translation>签约顺序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>(no 户主 member)</source>
        <translation>（尚无关系为“户主”的成员）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Member {row}: {message}</source>
        <translation>第 {row} 名成员：{message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>… and {count} more</source>
        <translation>……另有 {count} 个问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fill in the fields marked * and the 户主 member to save.</source>
        <translation>请填写带 * 的项目和户主的姓名、身份证号后保存。</translation>
    </message>
</context>
<context>
    <name>HouseholdLabels</name>
    <message>
        <location filename="../models/households.py" line="+68"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved out</source>
        <translation>已搬迁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat chosen</source>
        <translation>已选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys handed over</source>
        <translation>已交房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low income</source>
        <translation>低保</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extreme hardship</source>
        <translation>特困</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious illness</source>
        <translation>重病</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Martyr&apos;s family</source>
        <translation>烈属</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location line="-61"/>
        <source>Code</source>
        <translation>户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head&apos;s ID number</source>
        <translation>户主身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognised</source>
        <translation>认定人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal area (m²)</source>
        <translation>原合法面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special conditions</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing order</source>
        <translation>签约顺序号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household code (户号), unique in the project</source>
        <translation>户号，在本项目内唯一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered members of the household</source>
        <translation>本户登记的家庭成员人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members recognised for the entitlement (认定人口)</source>
        <translation>计入安置面积的认定人口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recognised floor area of the demolished home (原合法面积)</source>
        <translation>被征收房屋经认定的合法建筑面积</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Order in which the agreement was signed (签约顺序号)</source>
        <translation>签订安置协议的先后顺序</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>{recognised} of {members} recognised, {new} new member(s)</source>
        <translation>{members} 人中认定 {recognised} 人，新增人口 {new} 人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code} {head} — {address}</source>
        <translation>{code} {head} — {address}</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../views/households_page.py" line="+90"/>
        <source>Search by code, name, ID number or phone</source>
        <translation>按户号、姓名、身份证号或电话搜索</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All special conditions</source>
        <translation>全部特殊情况</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Showing {shown} of {total} households</source>
        <translation>显示 {shown} / 共 {total} 户</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Delete household</source>
        <translation>删除被安置户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete household {code} ({head}) with its {members} members?
You can bring it back with Edit › Undo.</source>
        <translation>删除户 {code}（户主 {head}）及其 {members} 名家庭成员？
删除后可通过“编辑 › 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../views/excel_files.py" line="+21"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Import households</source>
        <translation>导入被安置户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>households</source>
        <translation>被安置户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported {count} households.</source>
        <translation>已导入 {count} 户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {count} households to
{path}</source>
        <translation>已导出 {count} 户到
{path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import flats</source>
        <translation>导入房源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flats</source>
        <translation>房源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported {count} flats.</source>
        <translation>已导入 {count} 套房源。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {count} flats to
{path}</source>
        <translation>已导出 {count} 套房源到
{path}</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="+133"/>
        <source>Choose an .xlsx file</source>
        <translation>请选择 .xlsx 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a blank &amp;template…</source>
        <translation>保存空白模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file needs these sheets and columns (&lt;b&gt;bold&lt;/b&gt; columns are required):</source>
        <translation>文件需包含以下工作表和列（&lt;b&gt;粗体&lt;/b&gt;列为必填）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sheet “{sheet}”: {columns}</source>
        <translation>工作表“{sheet}”：{columns}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the file names a column differently you can match it in the next step. The import is all or nothing: a file with any problem imports nothing, and every problem is listed.</source>
        <translation>如果文件中的列名不同，可以在下一步手动对应。导入是“要么全部、要么都不”：文件中只要有一处问题就不会导入任何数据，所有问题都会列出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose an Excel file</source>
        <translation>选择 Excel 文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Some columns were not recognised. For each field marked with a red *, choose the column of the file that holds it; other fields are optional.</source>
        <translation>有些列未能识别。请为每个标有红色 * 的字段选择文件中对应的列；其他字段可以不选。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no file {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Sheet “{sheet}” (header in row {row})</source>
        <translation>工作表“{sheet}”（表头在第 {row} 行）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a column…</source>
        <translation>选择列…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+142"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>已取消导入，未导入任何数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: {reason}</source>
        <translation>未导入任何数据：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing was imported. The file has {count} problem(s); correct them in Excel and import the file again.</source>
        <translation>未导入任何数据。文件中有 {count} 处问题，请在 Excel 中改正后重新导入。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>problems</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the problems</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+18"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a column for every field marked *.</source>
        <translation>请为每个带 * 的字段选择一列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column “{header}” is chosen for two fields.</source>
        <translation>“{header}”列被同时选给了两个字段。</translation>
    </message>
    <message>
        <location filename="../views/export_actions.py" line="+21"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{kind} import template</source>
        <translation>{kind}导入模板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a blank template</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Template saved to
{path}</source>
        <translation>模板已保存到
{path}</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <location filename="../widgets/items_editor.py" line="+97"/>
        <location line="+13"/>
        <source>Conditions of “{name}”</source>
        <translation>“{name}”的条件</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Choose a row above to edit its conditions</source>
        <translation>在上表中选择一行，编辑它的条件</translation>
    </message>
</context>
<context>
    <name>MainAction</name>
    <message>
        <location filename="../actions.py" line="+63"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty resettlement project</source>
        <translation>新建一个空的安置项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename project…</source>
        <translation>重命名项目(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;households…</source>
        <translation>导入被安置户(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register households from an Excel file</source>
        <translation>从 Excel 文件登记被安置户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;flats…</source>
        <translation>导入房源(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register flats from an Excel file</source>
        <translation>从 Excel 文件登记房源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export households…</source>
        <translation>导出被安置户(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export f&amp;lats…</source>
        <translation>导出房源(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Excel &amp;templates…</source>
        <translation>保存 Excel 模板(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save empty Excel sheets with the columns Anju reads</source>
        <translation>保存带有安居所需各列的空白 Excel 表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by code, name, ID number or phone</source>
        <translation>按户号、姓名、身份证号或电话搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add household…</source>
        <translation>添加被安置户(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register a new household with its members</source>
        <translation>登记一户及其家庭成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit household…</source>
        <translation>编辑被安置户(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected household (or double-click it)</source>
        <translation>编辑选中的户（也可双击该行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete household</source>
        <translation>删除被安置户(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected household (can be undone)</source>
        <translation>删除选中的户（可撤销）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Households</source>
        <translation>被安置户(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;lats</source>
        <translation>房源(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;udit log</source>
        <translation>审计日志(&amp;U)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Draw</source>
        <translation>摇号(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Anju</source>
        <translation>关于安居(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="+110"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+239"/>
        <source>Households</source>
        <translation>被安置户</translation>
    </message>
    <message>
        <location line="-239"/>
        <location line="+239"/>
        <source>Flats</source>
        <translation>房源</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draw</source>
        <translation>摇号</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No project yet</source>
        <translation>还没有安置项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a resettlement project to start registering households and flats.
To look around first, load the demo project (199 households, 220 flats)
by running  anju demo  in a terminal, then restart Anju.</source>
        <translation>新建一个安置项目，即可开始登记被安置户和房源。
想先熟悉一下，可以在终端运行  anju demo  载入演示项目（199 户、220 套房源），
然后重新启动安居。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create a project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>H&amp;ouseholds</source>
        <translation>被安置户(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{name} (rehearsal)</source>
        <translation>{name}（演练）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Anju</source>
        <translation>安居</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anju — {project}</source>
        <translation>安居 — {project}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the resettlement project:</source>
        <translation>安置项目名称：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Rename project</source>
        <translation>重命名项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name of the project:</source>
        <translation>项目新名称：</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{households} households · {members} people ({recognised} recognised) · {flats} flats ({available} available)</source>
        <translation>{households} 户 · {members} 人（认定 {recognised} 人） · 房源 {flats} 套（可选 {available} 套）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save an Excel template</source>
        <translation>保存 Excel 模板</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Template for:</source>
        <translation>模板类型：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>About Anju</source>
        <translation>关于安居</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;安居 Anju&lt;/h3&gt;&lt;p&gt;Registry, rules, verifiable lottery and on-site selection for housing offices resettling households displaced by demolition.&lt;/p&gt;&lt;p&gt;Every change is recorded in a hash-chained audit log.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;安居 Anju&lt;/h3&gt;&lt;p&gt;为征收安置工作提供台账登记、分房方案、可验证的摇号和现场选房。&lt;/p&gt;&lt;p&gt;每一项修改都记入哈希链审计日志。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MembersEditor</name>
    <message>
        <location filename="../widgets/members_grid.py" line="+67"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognised</source>
        <translation>认定人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special conditions</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disability</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New member</source>
        <translation>新增人口</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../messages.py" line="+21"/>
        <source>household code</source>
        <translation>户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>head&apos;s ID number</source>
        <translation>户主身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>original address</source>
        <translation>原住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>original legal area</source>
        <translation>原合法面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing order</source>
        <translation>签约顺序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recognised</source>
        <translation>认定人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>special conditions</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new member</source>
        <translation>新增人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat number</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>floor area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layout</source>
        <translation>户型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orientation</source>
        <translation>朝向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base price</source>
        <translation>基准价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witness (role and name)</source>
        <translation>见证人（身份和姓名）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field} is required</source>
        <translation>{field}为必填项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the automatic backup before the {act} could not be written to {folder} ({reason}): nothing was done. Make room or fix the folder, then try again</source>
        <translation>执行此操作前的自动备份无法写入 {folder}（{reason}）：本次操作未执行。请腾出空间或修正备份目录后重试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the disk holding the database is full: nothing was saved. Free some space (or ask the database administrator) and try again</source>
        <translation>数据库所在磁盘已满：本次操作未保存任何内容。请清理磁盘空间（或联系数据库管理员）后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database is read-only: nothing was saved. Check that the file may be written (not on a CD, a locked USB stick or a read-only share) or that the server is not a standby</source>
        <translation>数据库为只读：本次操作未保存任何内容。请检查数据库文件是否可写（不在光盘、写保护的U盘或只读共享目录上），或服务器是否为备用（只读）服务器</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the database file could not be read or written (was the USB stick or network share removed?): nothing was saved</source>
        <translation>无法读写数据库文件（U盘或网络共享是否已断开？）：本次操作未保存任何内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the database server cannot be reached: nothing was saved. Check the network and the server, then try again</source>
        <translation>无法连接数据库服务器：本次操作未保存任何内容。请检查网络和服务器后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} “{value}” must not contain “-”: it joins building, unit and number into the flat&apos;s number (1-2-301); write e.g. A1 instead of A-1</source>
        <translation>{field}“{value}”中不能含有“-”：房源编号用“-”连接楼栋、单元和房号（如 1-2-301）；请写作 A1 之类，而不是 A-1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} is longer than {max} characters</source>
        <translation>{field}超过 {max} 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must be greater than zero</source>
        <translation>{field}必须大于零</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} must not be negative</source>
        <translation>{field}不能为负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is invalid ({reason})</source>
        <translation>{field}无效（{reason}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the household has no members</source>
        <translation>本户没有家庭成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a household needs exactly one member whose relation is 户主 (found {count})</source>
        <translation>每户必须有且只有一名关系为“户主”的成员（现有 {count} 名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the head&apos;s ID number {head_id} is not the 户主 member&apos;s</source>
        <translation>户主身份证号 {head_id} 与关系为“户主”的成员不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the head&apos;s name {head_name} differs from the 户主 member {member}</source>
        <translation>户主姓名 {head_name} 与关系为“户主”的成员 {member} 不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID number {id_number} appears twice in this household</source>
        <translation>身份证号 {id_number} 在本户中重复出现</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disability grade {value} must be 1 to 4</source>
        <translation>残疾等级 {value} 应为 1 至 4 级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a disability grade needs the condition 残疾</source>
        <translation>填写残疾等级时须同时勾选特殊情况“残疾”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} ({id_number}) is already registered in household {other_household}; one person cannot also be in household {household}</source>
        <translation>{name}（{id_number}）已登记在户 {other_household}，同一人不能再登记到户 {household}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>household {code} already exists</source>
        <translation>户号 {code} 已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household not found</source>
        <translation>找不到该户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a project named “{name}” already exists</source>
        <translation>已有名为“{name}”的项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>project not found</source>
        <translation>找不到该项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat {key} already exists</source>
        <translation>房源 {key} 已存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat not found</source>
        <translation>找不到该房源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household {code} was changed at another workstation since you opened it; reload it and make your change again</source>
        <translation>户 {code} 在您打开后已被其他工作站修改；请重新打开后再修改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flat {key} was changed at another workstation; reload and try again</source>
        <translation>房源 {key} 已被其他工作站修改；请重新加载后再试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the record was changed at another workstation; reload and try again</source>
        <translation>该记录已被其他工作站修改；请重新加载后再试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the database refused the change: {detail}</source>
        <translation>数据库拒绝了此修改：{detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the database already holds data ({tables}); restore with --replace to overwrite it</source>
        <translation>数据库中已有数据（{tables}）；如要覆盖，请加 --replace 恢复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not an Anju backup</source>
        <translation>{path} 不是安居的备份文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the backup is damaged ({file} does not match its checksum); nothing was restored</source>
        <translation>备份文件已损坏（{file} 的校验值不符），未恢复任何数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup was made by a newer version of Anju (schema {revision})</source>
        <translation>该备份由更新版本的安居生成（数据结构版本 {revision}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a .sqlite3 backup needs a SQLite database; use a .anju.zip name for {backend}</source>
        <translation>.sqlite3 格式的备份只适用于 SQLite 数据库；{backend} 请使用 .anju.zip 文件名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing was imported: {count} problems were found</source>
        <translation>未导入任何数据：发现 {count} 处问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the date {on} is before the birth date {birth_date}</source>
        <translation>日期 {on} 早于出生日期 {birth_date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the negative amount {amount} cannot be written in Chinese capitals</source>
        <translation>负数金额 {amount} 不能写成大写金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the amount {amount} is too large to write in Chinese capitals (it must be below {limit})</source>
        <translation>金额 {amount} 过大，无法写成大写金额（须小于 {limit}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is not a decimal amount</source>
        <translation>{value} 不是有效的金额数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value} is not a finite number</source>
        <translation>{value} 不是有限的数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no flat was chosen for household {household}</source>
        <translation>户 {household} 未选择任何房源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household {household} chose {area} m², more than its maximum of {max_area} m² (entitlement plus cap), and the policy sets no price beyond the cap</source>
        <translation>户 {household} 所选面积 {area} m²，超过其最大可选面积 {max_area} m²（安置面积加上限），而分房方案未规定超出上限部分的价格</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} cannot be used to order households: it must be from 0 to below {limit}</source>
        <translation>{value} 不能用于排序：应不小于 0 且小于 {limit}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this is not an Excel .xlsx file ({detected}); save it as .xlsx and retry</source>
        <translation>这不是 Excel .xlsx 文件（{detected}）；请另存为 .xlsx 后重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file cannot be read ({reason})</source>
        <translation>无法读取文件（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sheet “{expected}” is missing (the file has: {found})</source>
        <translation>缺少工作表“{expected}”（文件中有：{found}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sheets “{first}” and “{second}” both hold the same data</source>
        <translation>工作表“{first}”和“{second}”包含相同的数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sheet has no header row</source>
        <translation>工作表没有表头行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column “{field}” is missing</source>
        <translation>缺少“{field}”列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column “{field}” appears twice ({first_column} and {second_column})</source>
        <translation>“{field}”列出现了两次（{first_column} 列和 {second_column} 列）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>merged cells {range}: unmerge them so each row has its own values</source>
        <translation>单元格 {range} 是合并单元格：请取消合并，使每一行都有自己的值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} holds a formula error</source>
        <translation>{field}含有公式错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is not a number</source>
        <translation>{field}不是数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is not a whole number</source>
        <translation>{field}不是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is too large (at most {max})</source>
        <translation>{field}过大（最大为 {max}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is not a date (write it like 2024-05-01)</source>
        <translation>{field}不是日期（请按 2024-05-01 的格式填写）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} must be 是 or 否</source>
        <translation>{field}只能填“是”或“否”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown special condition “{condition}” (allowed: 残疾 低保 特困 重病 烈属)</source>
        <translation>未知的特殊情况“{condition}”（可填：残疾 低保 特困 重病 烈属）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} must be 1 to 4</source>
        <translation>{field}应为 1 至 4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field} is not a known status</source>
        <translation>{field}不是有效的状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household code {code} appears twice (rows {first_row} and {second_row})</source>
        <translation>户号 {code} 重复出现（第 {first_row} 行和第 {second_row} 行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID number {id_number} appears twice: row {first_row} (household {first_code}) and row {second_row} (household {second_code})</source>
        <translation>身份证号 {id_number} 重复出现：第 {first_row} 行（户 {first_code}）和第 {second_row} 行（户 {second_code}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>household {code} of this member is not on the households sheet</source>
        <translation>该成员所属的户 {code} 不在户表中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {code} has no members on the members sheet</source>
        <translation>户 {code} 在成员表中没有成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the head of household {code} is not listed as its 户主 member</source>
        <translation>户 {code} 的户主未在成员表中列为“户主”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the head&apos;s name {head_name} differs from the 户主 member {member_name} (row {member_row})</source>
        <translation>户主姓名 {head_name} 与“户主”成员 {member_name}（第 {member_row} 行）不一致</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>household {code} has two 户主 members (rows {first_row} and {second_row})</source>
        <translation>户 {code} 有两名“户主”成员（第 {first_row} 行和第 {second_row} 行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flat {key} appears twice (rows {first_row} and {second_row})</source>
        <translation>房源 {key} 重复出现（第 {first_row} 行和第 {second_row} 行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled: nothing was imported</source>
        <translation>已取消：未导入任何数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>policy version {version} is frozen (SHA-256 {sha256}); it can only be superseded by a new version, with a reason</source>
        <translation>分房方案第 {version} 版已冻结（SHA-256 {sha256}），只能以新版本替代，并须说明理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the project has no frozen policy</source>
        <translation>本项目尚无已冻结的分房方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project has no policy yet</source>
        <translation>本项目尚无分房方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the policy file is not valid JSON (line {line}, column {column})</source>
        <translation>分房方案文件不是有效的 JSON（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsupported policy format “{value}” (this version of Anju reads {supported})</source>
        <translation>不支持的分房方案格式“{value}”（本版安居只能读取 {supported}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown key “{key}”</source>
        <translation>未知的键“{key}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a required key is missing</source>
        <translation>缺少必填的键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong kind of value (expected {expected})</source>
        <translation>值的类型不对（应为{expected}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not allowed here (allowed: {allowed})</source>
        <translation>此处不能填“{value}”（可填：{allowed}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a decimal number (write it like “45.50”)</source>
        <translation>“{value}”不是有效的数值（请按“45.50”的格式填写）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} is a floating-point number, which is not exact; write the number as text, like “45.50”</source>
        <translation>{value} 是浮点数，不够精确；请把数值写成文本，如“45.50”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} has too many decimal places (at most {places})</source>
        <translation>{value} 的小数位数过多（最多 {places} 位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{value} is too large (it must be below {limit})</source>
        <translation>{value} 过大（须小于 {limit}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an area must not be negative ({value})</source>
        <translation>面积不能为负数（{value}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the cap must not be negative ({value})</source>
        <translation>上限不能为负数（{value}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a price must not be negative ({value})</source>
        <translation>价格不能为负数（{value}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an amount must not be negative ({value})</source>
        <translation>金额不能为负数（{value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a factor must not be negative ({value})</source>
        <translation>系数不能为负数（{value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of months must not be negative ({value})</source>
        <translation>月数不能为负数（{value}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a condition needs exactly one key, “all” or “any”</source>
        <translation>条件必须有且只有一个键：“all”或“any”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{field}” is not a fact this condition can test</source>
        <translation>此条件不能使用字段“{field}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown comparison “{op}”</source>
        <translation>未知的比较方式“{op}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the comparison “{op}” cannot be used with “{field}”</source>
        <translation>字段“{field}”不能使用比较方式“{op}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown special condition “{value}” (allowed: disability, low_income, extreme_hardship, serious_illness, martyr_family)</source>
        <translation>未知的特殊情况“{value}”（可填：disability（残疾）、low_income（低保）、extreme_hardship（特困）、serious_illness（重病）、martyr_family（烈属））</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the value does not suit “{field}” (expected {expected})</source>
        <translation>值与字段“{field}”不相符（应为{expected}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the name “{name}” is used twice</source>
        <translation>名称“{name}”重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a name is required</source>
        <translation>名称为必填项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>combining by “{combine}” needs a legal_area_ratio</source>
        <translation>合并方式为“{combine}”时，须设置合法面积折算比例 legal_area_ratio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a member_condition has no effect on an item counted per household or per m² of legal area; remove it</source>
        <translation>按户或按合法面积计算的项目不使用成员条件 member_condition，请删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an item paid per certificate needs a member_condition saying whose certificates count</source>
        <translation>按证计发的项目须设置成员条件 member_condition，说明哪些成员的证件计入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the selection band reaches {above} m² above the entitlement, beyond the cap of {cap} m², but the policy sets no price beyond the cap</source>
        <translation>选房面积范围超出安置面积 {above} m²，超过了上限 {cap} m²，而分房方案未规定超出上限部分的价格</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the price tier from {start} to {end} m² is empty: its end must be above its start</source>
        <translation>价格档次 {start}–{end} m² 为空：终点必须大于起点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>price tiers overlap: this tier starts at {start} m², before the previous one ends at {previous_end} m²</source>
        <translation>价格档次相互重叠：本档从 {start} m² 起，而上一档到 {previous_end} m² 才结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is a gap between price tiers: this tier starts at {start} m², but the previous one ends at {expected} m²</source>
        <translation>价格档次之间有空档：本档从 {start} m² 起，而上一档在 {expected} m² 就已结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a price tier needs either a price or a factor, not both and not neither</source>
        <translation>每个价格档次须填写价格或系数其中之一，不能都填，也不能都不填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the price tiers end at {end} m² but must reach the cap of {cap} m²</source>
        <translation>价格档次止于 {end} m²，须一直覆盖到上限 {cap} m²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the price tiers end at {end} m², beyond the cap of {cap} m²</source>
        <translation>价格档次止于 {end} m²，超过了上限 {cap} m²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the floor range {low} to {high} is empty: the first floor is above the last</source>
        <translation>楼层范围 {low}–{high} 为空：起始楼层高于结束楼层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a floor coefficient must be greater than zero (found {value})</source>
        <translation>楼层系数必须大于零（现为 {value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this floor range overlaps the one at {other}</source>
        <translation>此楼层范围与 {other} 的楼层范围重叠</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown order within a group “{value}” (allowed: lottery, signing_seq, signed_on, oldest_first)</source>
        <translation>未知的组内排序方式“{value}”（可填：lottery（摇号）、signing_seq（签约顺序号）、signed_on（签约日期）、oldest_first（年长者优先））</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the sources must be a list of announced values, not one text</source>
        <translation>随机源必须是各公布值的列表，而不是一段文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no source was announced: a draw needs at least one</source>
        <translation>未公布任何随机源：摇号至少需要一个随机源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source {index} is empty</source>
        <translation>第 {index} 个随机源为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source {index}: {value} is negative; numbers must be zero or more</source>
        <translation>第 {index} 个随机源：{value} 为负数；数值须大于或等于零</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source {index}: “{value}” is not a number</source>
        <translation>第 {index} 个随机源：“{value}”不是数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source {index}: {value} is a floating-point number; give the number as text, exactly as announced</source>
        <translation>第 {index} 个随机源：{value} 是浮点数；请按公布的原样以文本填写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source {index}: {value} is neither a number nor text</source>
        <translation>第 {index} 个随机源：{value} 既不是数字也不是文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source {index} holds more than one text (“{value}”); announce each text as a source of its own</source>
        <translation>第 {index} 个随机源包含多段文本（“{value}”）；每段文本应作为单独的随机源公布</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source {index}: “{char}” in “{value}” is not a Latin letter or digit; a text source may only use A–Z and 0–9 (accents are dropped)</source>
        <translation>第 {index} 个随机源：“{value}”中的“{char}”不是拉丁字母或数字；文本随机源只能使用 A–Z 和 0–9（重音符号会被去掉）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>source {index} must be the text as announced, not {value}</source>
        <translation>第 {index} 个随机源必须是公布时的原文，而不是 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown draw method “{method}” (known: {known})</source>
        <translation>未知的摇号方法“{method}”（可用：{known}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key string {key} is invalid: it must be non-empty ASCII text</source>
        <translation>密钥串 {key} 无效：必须是非空的 ASCII 文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the pool size must be a whole number, not {pool_size}</source>
        <translation>摇号池户数必须是整数，而不是 {pool_size}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the pool must hold at least one household (size {pool_size})</source>
        <translation>摇号池至少须有一户（现为 {pool_size}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a pool of {pool_size} households is too large for the method {method} (at most {max_pool})</source>
        <translation>摇号池有 {pool_size} 户，超出摇号方法 {method} 的上限（最多 {max_pool} 户）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the number of draws {count} must be from 0 to the pool size {pool_size}</source>
        <translation>抽取次数 {count} 须在 0 到摇号池户数 {pool_size} 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step {counter} is out of range for the method {method}</source>
        <translation>第 {counter} 步超出摇号方法 {method} 的范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the pool positions must be numbered 1, 2, 3… in order, without gaps or repeats</source>
        <translation>摇号池序号必须按 1、2、3……顺序编排，不能有空缺或重复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household code {code} appears twice in the pool</source>
        <translation>户号 {code} 在摇号池中重复出现</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the lottery order has {lottery_length} positions but must list each of the {pool_size} pool positions exactly once</source>
        <translation>摇号顺序有 {lottery_length} 个序号，但必须包含摇号池全部 {pool_size} 个序号，且每个恰好一次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the policy fingerprint {value} is not a SHA-256 hash (64 lower-case hexadecimal digits)</source>
        <translation>分房方案指纹 {value} 不是 SHA-256 值（应为 64 位小写十六进制数字）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the pool is already published (SHA-256 {sha256}); its membership and order are locked, doubtful households stay in it and are skipped after the draw</source>
        <translation>摇号名单已公布（SHA-256 {sha256}），其成员和顺序已锁定；有疑问的户仍留在名单中，摇号后再跳过</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the project has no published pool: publish the pool before the draw</source>
        <translation>该项目尚未公布摇号名单：请先公布名单再摇号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draw {seq} has already run (record SHA-256 {sha256}); its result is final unless a supervisor retracts it, with a reason</source>
        <translation>第 {seq} 次摇号已进行（记录 SHA-256 {sha256}）；结果为最终结果，除非主管说明理由予以撤销</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the random sources must be announced before the draw</source>
        <translation>摇号前必须先公布随机源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the project has no active draw</source>
        <translation>该项目没有有效的摇号结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>two flats have the number {flat}: each flat must have its own number</source>
        <translation>有两套房源的房号都是 {flat}：每套房源的房号必须唯一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {code} appears twice in the order (place {place})</source>
        <translation>户号 {code} 在顺序中出现了两次（第 {place} 位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {code} at place {place} of the order is not in the project</source>
        <translation>顺序第 {place} 位的户号 {code} 不在本项目中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a serial-choice result can only be checked with the submitted preferences</source>
        <translation>按志愿顺序选房的结果须连同各户提交的志愿才能核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a flat-lottery result can only be checked with the draw&apos;s key</source>
        <translation>摇号定房的结果须连同摇号种子串才能核对</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a decimal number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date like 2026-07-01</source>
        <translation>日期（如 2026-07-01）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a condition (“all” or “any”)</source>
        <translation>条件（“all”或“any”）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a term with field, op and value</source>
        <translation>含 field、op、value 的条件项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list of whole numbers</source>
        <translation>整数列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list of texts</source>
        <translation>文本列表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sheet {sheet}</source>
        <extracomment>Every dictionary of coded messages, in the order describe() prefers them.</extracomment>
        <translation>工作表“{sheet}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column {column}</source>
        <translation>列“{column}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value “{value}”</source>
        <translation>值“{value}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (at {path})</source>
        <translation>（位置：{path}）</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>must have 18 characters</source>
        <translation>应为 18 位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only digits and a final X are allowed</source>
        <translation>只能是数字，最后一位可以是 X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown region code</source>
        <translation>地区码无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impossible birth date</source>
        <translation>出生日期不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong check digit</source>
        <translation>校验码错误</translation>
    </message>
</context>
<context>
    <name>NestedRow</name>
    <message>
        <location filename="../widgets/condition_builder.py" line="-66"/>
        <source>Nested: {text}</source>
        <translation>嵌套条件：{text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nested conditions are kept as read from the file; edit them in the JSON file.</source>
        <translation>嵌套条件按文件原样保留；如需修改，请编辑 JSON 文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <location filename="../widgets/policy_editor.py" line="+69"/>
        <source>e.g. 2026-11-01, version 1</source>
        <translation>例如：2026年11月1日 第1版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy &amp;name:</source>
        <translation>方案名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version note:</source>
        <translation>版本说明：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entitlement</source>
        <translation>安置面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra area</source>
        <translation>增加面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prices</source>
        <translation>房价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation</source>
        <translation>补偿补助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority groups</source>
        <translation>优先组</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>empty: no limit</source>
        <translation>留空：不限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Area per &amp;person (m²):</source>
        <translation>每人安置面积(&amp;P)（m²）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted &amp;by:</source>
        <translation>计算方式(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal area ratio:</source>
        <translation>原合法面积比例：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 1.2</source>
        <translation>例如 1.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum area (m²):</source>
        <translation>保底面积（m²）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cap on area bought over it (m²):</source>
        <translation>可超出购买上限(&amp;C)（m²）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choice may fall short by (m²):</source>
        <translation>选房面积可少于安置面积（m²）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choice may exceed by (m²):</source>
        <translation>选房面积可多于安置面积（m²）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: the cap</source>
        <translation>留空：至上限</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area per person (m²)</source>
        <translation>每人面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New category</source>
        <translation>新类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members in this category</source>
        <translation>属于此类别的成员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person categories: members who count another area (first match wins)</source>
        <translation>人口类别：符合条件的成员另按类别面积计算（按顺序取第一个符合的类别）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Counted</source>
        <translation>计算单位</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>New extra area</source>
        <translation>新增加面积项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Household condition</source>
        <translation>家庭条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Members counted</source>
        <translation>计入的成员</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Per person: count only members who meet</source>
        <translation>按人计算：只计符合以下条件的成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra entitlement area when a condition holds, per household or per matching member.</source>
        <translation>符合条件时增加的安置面积，按户或按符合条件的成员计算。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Base price (yuan/m²):</source>
        <translation>基准价(&amp;B)（元/m²）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: each flat&apos;s own</source>
        <translation>留空：按各房源基准价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price beyond the cap (yuan/m²):</source>
        <translation>超出上限部分单价（元/m²）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: not allowed</source>
        <translation>留空：不允许超出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund for area not taken (yuan/m²):</source>
        <translation>面积不足部分退还单价（元/m²）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: no refund</source>
        <translation>留空：不退还</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From (m² over)</source>
        <translation>超出起点（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (m² over)</source>
        <translation>超出终点（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price (yuan/m²)</source>
        <translation>单价（元/m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or factor × base price</source>
        <translation>或：基准价倍数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First floor</source>
        <translation>起始楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last floor</source>
        <translation>终止楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price factor</source>
        <translation>价格系数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tiers of area over the entitlement, from 0 up to the cap, end to end (a price or a factor each)</source>
        <translation>超出安置面积部分的价格档次：从 0 至上限，首尾相接（每档填单价或倍数之一）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Floor coefficients</source>
        <translation>楼层系数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New item</source>
        <translation>新补偿项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid when the household meets</source>
        <translation>发放条件（家庭）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per person or certificate: count only members who meet</source>
        <translation>按人或按证计算：只计符合以下条件的成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Transition allowance</source>
        <translation>过渡安置费(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per person and month (yuan):</source>
        <translation>每人每月（元）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Months:</source>
        <translation>月数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least per household and month (yuan):</source>
        <translation>每户每月不少于（元）：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Group</source>
        <translation>组名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order within</source>
        <translation>组内顺序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lowest floor</source>
        <translation>最低楼层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest floor</source>
        <translation>最高楼层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buildings</source>
        <translation>限选楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these buildings, separated by commas; empty: any</source>
        <translation>只可选这些楼栋，用逗号分隔；留空：不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layouts</source>
        <translation>限选户型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these layouts, separated by commas; empty: any</source>
        <translation>只可选这些户型，用逗号分隔；留空：不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New group</source>
        <translation>新优先组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Households in this group</source>
        <translation>入组条件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Groups choose in this order; a household joins the first group whose condition it meets.</source>
        <translation>各组按此顺序选房；家庭进入第一个符合条件的组。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everyone e&amp;lse:</source>
        <translation>其余家庭(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>PolicyHistoryTable</name>
    <message>
        <location filename="../widgets/policy_history.py" line="+34"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frozen at</source>
        <translation>冻结时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PolicyPlaces</name>
    <message>
        <location filename="../messages.py" line="-68"/>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version note</source>
        <translation>版本说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group of everyone else</source>
        <translation>其余家庭组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entitlement</source>
        <translation>安置面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>area per person</source>
        <translation>每人安置面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cap on area over the entitlement</source>
        <translation>可超出购买上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>person categories</source>
        <translation>人口类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>legal area ratio</source>
        <translation>原合法面积比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counted by</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimum area</source>
        <translation>保底面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra area</source>
        <translation>增加面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counted</source>
        <translation>计算单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>members counted</source>
        <translation>计入的成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>selection band</source>
        <translation>选房面积范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may fall short by</source>
        <translation>可少于安置面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may exceed by</source>
        <translation>可多于安置面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prices</source>
        <translation>房价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>base price</source>
        <translation>基准价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price tiers</source>
        <translation>价格档次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from</source>
        <translation>起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>终点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>factor</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price beyond the cap</source>
        <translation>超出上限单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund price</source>
        <translation>退还单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>floor coefficients</source>
        <translation>楼层系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first floor</source>
        <translation>起始楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last floor</source>
        <translation>终止楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compensation</source>
        <translation>补偿补助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transition allowance</source>
        <translation>过渡安置费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per person and month</source>
        <translation>每人每月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>months</source>
        <translation>月数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minimum per month</source>
        <translation>每户每月最低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>priority groups</source>
        <translation>优先组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat restriction</source>
        <translation>限选房源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lowest floor</source>
        <translation>最低楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>highest floor</source>
        <translation>最高楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layouts</source>
        <translation>户型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order within the group</source>
        <translation>组内顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fact</source>
        <translation>条件项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comparison</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tier {n}</source>
        <translation>第{n}档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group {n}</source>
        <translation>第{n}组</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>term {n}</source>
        <translation>第{n}条</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>item {n}</source>
        <translation>第{n}项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> › </source>
        <translation> › </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{place}: {message}</source>
        <translation>{place}：{message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>whole policy</source>
        <translation>整个方案</translation>
    </message>
</context>
<context>
    <name>PolicyWords</name>
    <message>
        <location filename="../widgets/policy_words.py" line="+16"/>
        <source>registered members</source>
        <translation>登记人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recognised members</source>
        <translation>认定人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age of the oldest member</source>
        <translation>家庭成员最大年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age of the youngest member</source>
        <translation>家庭成员最小年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number of new members</source>
        <translation>新增人口数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number of disabled members</source>
        <translation>残疾人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>most severe disability grade</source>
        <translation>最重残疾等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>special conditions</source>
        <translation>特殊情形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has a disabled member</source>
        <translation>有残疾人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receives 低保</source>
        <translation>享受低保</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing order number</source>
        <translation>签约顺序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>original legal area (m²)</source>
        <translation>原合法面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household code</source>
        <translation>户号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registry status</source>
        <translation>登记状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is the head</source>
        <translation>是户主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a new member</source>
        <translation>是新增人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>≥</source>
        <translation>≥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt;</source>
        <translation>&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>≤</source>
        <translation>≤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;</source>
        <translation>&lt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is</source>
        <translation>为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not</source>
        <translation>不为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before</source>
        <translation>早于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after</source>
        <translation>晚于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is one of</source>
        <translation>属于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>includes</source>
        <translation>包含</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>all of these hold</source>
        <translation>须全部满足</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any of these holds</source>
        <translation>满足其一即可</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>by recognised people</source>
        <translation>按认定人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by original legal area</source>
        <translation>按原合法面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the larger of the two</source>
        <translation>两者取较大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the sum of the two</source>
        <translation>两者相加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>per household</source>
        <translation>按户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per person</source>
        <translation>按人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per certificate</source>
        <translation>按证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per m² of legal area</source>
        <translation>按原合法面积每平方米</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lottery</source>
        <translation>摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing order, then lottery</source>
        <translation>按签约顺序号，再摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing date, then lottery</source>
        <translation>按签约日期，再摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oldest first, then lottery</source>
        <translation>年长者优先，再摇号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} (unknown)</source>
        <translation>{name}（未知）</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../widgets/problems_view.py" line="+23"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Problems</source>
        <translation>问题清单</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../widgets/record_table.py" line="+124"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the current row</source>
        <translation>删除当前行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the current row up</source>
        <translation>将当前行上移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the current row down</source>
        <translation>将当前行下移</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../views/rules_page.py" line="+143"/>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the rules as the current draft (Ctrl+S)</source>
        <translation>将规则保存为当前草稿（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the rules for good; notices cite their hash</source>
        <translation>永久锁定规则；公示和摇号记录将引用其 SHA-256</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import from file…</source>
        <translation>从文件导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport JSON…</source>
        <translation>导出 JSON(&amp;X)…</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Free&amp;ze…</source>
        <translation>冻结(&amp;Z)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supersede with a ne&amp;w version…</source>
        <translation>以新版本替代(&amp;W)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Revert</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the changes not saved yet</source>
        <translation>放弃尚未保存的修改</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Versions</source>
        <translation>版本历史</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{project} allocation rules</source>
        <translation>{project}分房方案</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The rules are complete and consistent.</source>
        <translation>规则完整、一致，可以保存。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>{count} problem(s): fix them before saving (click one to go there).</source>
        <translation>发现 {count} 个问题，改正后才能保存（点击问题可跳到相应位置）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frozen rules are read-only; to change them, supersede them with a new version.</source>
        <translation>已冻结的规则只读；如需修改，请以新版本替代。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No rules yet: a starting draft is shown; save it.</source>
        <translation>尚无规则：下面是起草模板，修改后请保存草稿。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version {v} frozen {at} by {who}: read-only</source>
        <translation>第 {v} 版已于 {at} 由 {who} 冻结，只读</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Version {v}: draft, not frozen</source>
        <translation>第 {v} 版：草稿，尚未冻结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — changes not saved</source>
        <translation> — 有未保存的修改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256: {sha}</source>
        <translation>SHA-256：{sha}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Freeze version {v} of the rules?

Once frozen the rules cannot be edited any more; every notice and draw cites this SHA-256:

{sha}

A correction then needs a new version, with a reason.</source>
        <translation>冻结第 {v} 版规则？

冻结后规则不能再修改；所有公示和摇号都将引用此 SHA-256：

{sha}

此后如需更正，只能以新版本替代，并说明原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The changes not saved yet are saved first.</source>
        <translation>尚未保存的修改将先保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Freeze the rules</source>
        <translation>冻结规则</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Supersede the frozen rules</source>
        <translation>替代已冻结的规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why are the frozen rules replaced? The reason goes into the audit log; version {v} stays readable.</source>
        <translation>为什么替代已冻结的规则？原因将记入审计日志；第 {v} 版仍可查阅。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frozen rules are only superseded with a reason.</source>
        <translation>替代已冻结的规则必须说明原因。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Revert</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discard the changes not saved yet?</source>
        <translation>放弃尚未保存的修改？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+24"/>
        <source>Policy files (*.json)</source>
        <translation>规则文件 (*.json)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Could not read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} was not imported: {error}</source>
        <translation>{path} 未导入：{error}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export the rules</source>
        <translation>导出规则</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>RulesPreview</name>
    <message>
        <location filename="../widgets/rules_preview.py" line="+89"/>
        <source>Househol&amp;d:</source>
        <translation>被安置户(&amp;D)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Household trace</source>
        <translation>家庭说明（计算过程）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules as printed</source>
        <translation>方案全文（公示文本）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Group sizes over the whole project</source>
        <translation>全项目各组户数</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognised people</source>
        <translation>认定人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entitlement (m²)</source>
        <translation>安置面积（m²）</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>The rules have problems (see the list): the preview waits until they are fixed.</source>
        <translation>规则有问题（见问题列表）：改正后才能预览。</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>No household registered yet: the preview needs one.</source>
        <translation>尚未登记被安置户，无法预览。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../settings.py" line="+39"/>
        <source>Automatic (system language)</source>
        <translation>自动（跟随系统语言）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last opened project</source>
        <translation>上次打开的项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main window position and size</source>
        <translation>主窗口位置和大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main window toolbars and docks</source>
        <translation>主窗口工具栏布局</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household table column widths</source>
        <translation>户表的列宽</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../views/main_window.py" line="+17"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new language is used the next time Anju starts.</source>
        <translation>界面语言将在下次启动安居时生效。</translation>
    </message>
</context>
<context>
    <name>TermRow</name>
    <message>
        <location filename="../widgets/condition_term.py" line="+58"/>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>several values, separated by commas</source>
        <translation>多个值，用逗号分隔</translation>
    </message>
</context>
</TS>
