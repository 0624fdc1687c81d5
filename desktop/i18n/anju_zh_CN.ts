<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../shell/app.py" line="+107"/>
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
    <name>AssignmentDialog</name>
    <message>
        <location filename="../casework/case_log_dialog.py" line="+156"/>
        <source>Team and responsible pair</source>
        <translation>工作组和包户责任人</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Team</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second responsible</source>
        <translation>第二责任人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../admin/audit_page.py" line="+44"/>
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
        <location line="+40"/>
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
        <location line="+5"/>
        <source>The data differs from the audit log: {entity} {key}, {reason} (field {field}; stored in {column}). It was changed outside Anju.</source>
        <translation>数据与审计日志不一致：{entity} {key}，{reason}（字段 {field}；数据库位置 {column}），该数据曾在安居之外被改动。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The audit log is whole ({events} events) and the data matches it.</source>
        <translation>审计日志完整（共 {events} 条），数据与日志一致。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../admin/audit_model.py" line="+27"/>
        <source>No.</source>
        <extracomment>(record kind, field, stored value) -&gt; the value in words, or None to show it as stored.</extracomment>
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
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../admin/backup_actions.py" line="+39"/>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SQLite copy (*.sqlite3);;Portable archive (*.anju.zip)</source>
        <translation>SQLite 副本 (*.sqlite3);;可移植归档 (*.anju.zip)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backup written to {path}: {households} households, {events} audit events.</source>
        <translation>备份已写入 {path}：{households} 户，{events} 条审计记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup written</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{refusal}

Why restore this backup all the same? (audited)</source>
        <translation>{refusal}

仍要恢复此备份的理由是什么？（将记入审计日志）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backups (*.sqlite3 *.db *.zip)</source>
        <translation>备份文件 (*.sqlite3 *.db *.zip)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everything in the open database will be replaced by the backup
{path}.

Changes made since that backup are lost (a backup of the current state is written first). Continue?</source>
        <translation>当前数据库中的全部数据将被备份
{path}
替换。

该备份之后所做的修改将丢失（恢复前会先备份当前状态）。是否继续？</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <location filename="../admin/backup_status.py" line="+54"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} min ago</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} h ago</source>
        <translation>{n} 小时前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last backup {age}: {path}</source>
        <translation>上次备份（{age}）：{path}</translation>
    </message>
</context>
<context>
    <name>BatchBanner</name>
    <message>
        <location filename="../session/batch_banner.py" line="+37"/>
        <source>Batch {number} of {count} · {date} {start}–{end} · {households} households, {waiting} still to call</source>
        <translation>第{number}批（共{count}批）· {date} {start}—{end} · 本批{households}户，待叫{waiting}户</translation>
    </message>
</context>
<context>
    <name>BuildingView</name>
    <message>
        <location filename="../registry/building_view.py" line="+485"/>
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
    <name>CaseLogDialog</name>
    <message>
        <location filename="../casework/case_log_dialog.py" line="-125"/>
        <source>Case log</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Change team or pair…</source>
        <translation>调整工作组或责任人(&amp;C)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requests</source>
        <translation>诉求建议</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Intention</source>
        <translation>选房意向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special cases</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Case log of {code}</source>
        <translation>{code} 的一户一档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{code}  {head} · {stage}</source>
        <translation>{code}  {head} · {stage}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team: {team} · Responsible: {pair}</source>
        <translation>工作组：{team} · 包户责任人：{pair}</translation>
    </message>
</context>
<context>
    <name>CaseworkFiles</name>
    <message>
        <location filename="../casework/files.py" line="+35"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet (*.xlsx *.xlsm *.xlsb *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xlsb *.xls *.ods)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the daily report</source>
        <translation>打印日通报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daily report {day}</source>
        <translation>日通报 {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The daily report of {day} was written to
{path}</source>
        <translation>{day} 的日通报已保存到
{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case log</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>progress</source>
        <translation>进度表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {count} case log entries to
{path}</source>
        <translation>已导出 {count} 条档案记录到
{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported the progress of {count} households to
{path}</source>
        <translation>已导出 {count} 户的进度到
{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the visits template</source>
        <translation>保存走访记录模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visits import template</source>
        <translation>走访记录导入模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template saved to
{path}</source>
        <translation>模板已保存到
{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import visits</source>
        <translation>导入走访记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported {count} visits.</source>
        <translation>已导入 {count} 条走访记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported: the file has {count} problems. Correct them and import the whole file again.</source>
        <translation>未导入任何记录：文件中有 {count} 处问题。请改正后重新导入整个文件。</translation>
    </message>
</context>
<context>
    <name>CaseworkLabels</name>
    <message>
        <location filename="../casework/labels.py" line="+20"/>
        <source>Home visit</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone call</source>
        <translation>电话联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Came to the office</source>
        <translation>来访接待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for an answer</source>
        <translation>待答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second-child quota</source>
        <translation>二孩指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New member claim</source>
        <translation>新增人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pays a price difference</source>
        <translation>补差价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious illness</source>
        <translation>重病</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extreme hardship</source>
        <translation>特困</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low income</source>
        <translation>低保</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimed</source>
        <translation>已申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being checked</source>
        <translation>核实中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已认定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not approved</source>
        <translation>不予认定</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>Agreement signed</source>
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
        <translation>已交钥匙</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No team</source>
        <translation>未分组</translation>
    </message>
</context>
<context>
    <name>ChancesPanel</name>
    <message>
        <location filename="../session/chances_panel.py" line="+107"/>
        <source>&lt;b&gt;Chances (an estimate, never a promise)&lt;/b&gt;</source>
        <translation>&lt;b&gt;选房机会（估计，不是承诺）&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No flat it may take, now or in the estimate.</source>
        <translation>此刻和测算中都没有本户可选的房源。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{free} free now</source>
        <translation>此刻可选 {free} 套</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;{layout}&lt;/b&gt;: {now}; estimate: at least {guaranteed}, {percent}% chance one is left</source>
        <translation>&lt;b&gt;{layout}&lt;/b&gt;：{now}；测算至少剩 {guaranteed} 套，有房概率 {percent}%</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No estimate: {reason}.</source>
        <translation>无测算：{reason}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the estimate made before the session…</source>
        <translation>正在读取选房前的测算……</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in the drawn order: no estimate.</source>
        <translation>不在摇号顺序中，无测算。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free now: what is left at this moment. Estimate: made before the session, {replays} replays of the order by the households&apos; intentions ({method}, seed {seed}…).</source>
        <translation>此刻可选：当前实际剩余。测算：选房前按各户意向模拟选房 {replays} 次（{method}，种子 {seed}…）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>At least: left whatever the households ahead choose. Chance: the share of replays in which one was still free at its turn. Seed {seed} (from the draw record: anyone re-running it gets the same figures).</source>
        <translation>至少剩：无论排在前面的户如何选择都留给本户的套数。有房概率：模拟中轮到本户时仍有该户型的比例。种子 {seed}（由摇号记录生成，任何人重算得到相同数字）。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../cli/common.py" line="+46"/>
        <source>error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <location filename="../cli/projects.py" line="+13"/>
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
        <source>project {name}: its papers are headed “{heading}”</source>
        <translation>项目{name}：文书抬头为“{heading}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo project created: {households} households, {members} people, {flats} flats</source>
        <translation>演示项目已创建：{households} 户，{members} 人，房源 {flats} 套</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>files written to {path}</source>
        <translation>文件已写入 {path}</translation>
    </message>
    <message>
        <location filename="../cli/common.py" line="+3"/>
        <source>template written to {path}</source>
        <translation>模板已写入 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing was imported: {count} problems in {path}</source>
        <translation>未导入任何数据：{path} 中有 {count} 处问题</translation>
    </message>
    <message>
        <location filename="../cli/registry.py" line="+24"/>
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
        <location filename="../cli/audit.py" line="+18"/>
        <source>backup written to {path}: {households} households, {events} audit events</source>
        <translation>备份已写入 {path}：{households} 户，审计记录 {events} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restored {path}: {households} households, {events} audit events</source>
        <translation>已从 {path} 恢复：{households} 户，审计记录 {events} 条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>data differs from the audit log: {entity} {key}: {reason} (field {field}; stored in {column})</source>
        <translation>数据与审计日志不一致：{entity} {key}：{reason}（字段 {field}；数据库位置 {column}）</translation>
    </message>
    <message>
        <location filename="../cli/rules.py" line="+21"/>
        <source>project {project} has no policy yet</source>
        <translation>项目 {project} 尚无分房方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>policy version {version}, {status}, SHA-256 {sha256}</source>
        <translation>分房方案第 {version} 版，状态 {status}，SHA-256 {sha256}</translation>
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
        <location filename="../cli/printing.py" line="+33"/>
        <source>wrote {path} ({pages} pages)</source>
        <translation>已生成 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <location filename="../cli/common.py" line="-3"/>
        <source>warning: the font cannot draw these characters, they print blank: {characters}</source>
        <translation>警告：字体缺少以下字符，打印时将为空白：{characters}</translation>
    </message>
    <message>
        <location filename="../cli/lottery.py" line="+30"/>
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
        <source>selection session {session} of {project} voided: {chosen} choices kept and marked void, their flats free again; reason: {reason}</source>
        <translation>项目 {project} 的选房会 {session} 已作废：{chosen} 条选房确认保留并标记作废，所涉房源已重新可选；理由：{reason}</translation>
    </message>
    <message>
        <location filename="../cli/audit.py" line="-4"/>
        <source>audit log whole: {events} events, and the data matches them</source>
        <translation>审计日志完整：共 {events} 条记录，数据与记录一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>audit log broken at event {seq}: {reason}</source>
        <translation>审计日志在第 {seq} 条记录处断裂：{reason}</translation>
    </message>
    <message>
        <location filename="../cli/lottery.py" line="+3"/>
        <source>void notice written to {path}, registered as notice-void {version}: objection period {start} to {end}, SHA-256 {sha256}</source>
        <translation>作废公告已写入 {path}，已登记为 notice-void {version}：公示期 {start} 至 {end}，SHA-256 {sha256}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>resumed the selection session of {project}</source>
        <translation>继续 {project} 的选房场次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chances of {project} after the draw: method {method}, {replays} replays, seed {seed}</source>
        <translation>{project} 摇号后各户选房机会：方法 {method}，模拟 {replays} 次，种子 {seed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an estimate of what the households ahead will choose, never a promise; households without a recorded intention are assumed to choose at random</source>
        <translation>此为对前序各户选择的估算，并非承诺；未登记选房意向的户按随机选择估算</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>place	household	layout	flats it may take	ahead that may take one	guaranteed	simulated chance</source>
        <translation>顺序号	户号	户型	可选套数	前序可选户数	保底套数	模拟机会</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{place}	{household}	(no flat it may take)</source>
        <translation>{place}	{household}	（无可选房源）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rehearsal of {project}: {households} households, {selected} chose a flat, {declined} took none, {absent} absent; the session is closed</source>
        <translation>{project} 选房演练：共 {households} 户，{selected} 户选定房源，{declined} 户未选房，{absent} 户缺席；选房已结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>batch {batch} ({on}): {households} households, {selected} chose a flat, {declined} took none, {absent} absent, {remaining} remaining</source>
        <translation>第 {batch} 批（{on}）：共 {households} 户，{selected} 户选定房源，{declined} 户未选房，{absent} 户缺席，尚余 {remaining} 户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>final call ({on}): {households} households, {selected} chose a flat, {declined} took none, {absent} absent, {remaining} remaining</source>
        <translation>末轮补叫（{on}）：共 {households} 户，{selected} 户选定房源，{declined} 户未选房，{absent} 户缺席，尚余 {remaining} 户</translation>
    </message>
    <message>
        <location filename="../cli/casework.py" line="+26"/>
        <source>wrote the daily report of {day} for {project} to {path} ({pages} pages)</source>
        <translation>已将 {project} {day} 的日通报写入 {path}（{pages} 页）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>imported {count} visits into {project}</source>
        <translation>已向 {project} 导入 {count} 条走访记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported {count} case log entries of {project} to {path}</source>
        <translation>已将 {project} 的 {count} 条档案记录导出到 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exported the progress of {count} households to {path}</source>
        <translation>已将 {count} 户的进度导出到 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} requests</source>
        <translation>共 {count} 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>imported the intentions of {count} households into {project}</source>
        <translation>已将 {count} 户的选房意向导入项目 {project}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exported the intentions of {count} households of {project} to {path}</source>
        <translation>已将项目 {project} 中 {count} 户的选房意向导出到 {path}</translation>
    </message>
    <message>
        <location filename="../cli/users.py" line="+29"/>
        <source>user {name} added ({role})</source>
        <translation>已添加用户 {name}（{role}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user {name} changed</source>
        <translation>已修改用户 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}	{role}	{state}</source>
        <translation>{name}	{role}	{state}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password for {name}: </source>
        <translation>{name} 的密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new password for {name}: </source>
        <translation>{name} 的新密码：</translation>
    </message>
    <message>
        <location filename="../cli/printing.py" line="+1"/>
        <source>registered as {kind} {version}: objection period {start} to {end}, SHA-256 {sha256}</source>
        <translation>已登记为 {kind} {version}：公示期 {start} 至 {end}，SHA-256 {sha256}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this version answers objections {numbers}</source>
        <translation>本版答复异议 {numbers}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrote {files} files ({pages} pages) to {path}</source>
        <translation>已生成 {files} 个文件（共 {pages} 页），位于 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} households have not chosen a flat yet: they have no {kind}</source>
        <translation>{count} 户尚未选房：没有他们的 {kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning: household {household} was left out: its entitlement or price now differs from the one confirmed at the desk ({detail}); correct its data or revoke and choose again</source>
        <translation>警告：{household} 户未打印：其安置面积或房价款与选房时确认的不一致（{detail}）；请更正其数据，或撤销后重新选房</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--household and --split apply to {kinds} only</source>
        <translation>--household 和 --split 只适用于 {kinds}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind} needs --start with the first batch&apos;s date and time (e.g. 2026-12-20T08:30) and --batch-size or --by-group, or a --plan file</source>
        <translation>{kind} 需要用 --start 给出第一批的日期和时间（如 2026-12-20T08:30），并给出 --batch-size 或 --by-group，或用 --plan 给出安排文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>recorded objection {number} to {kind} {version} (objection period until {end})</source>
        <translation>已登记第 {number} 号异议，针对 {kind} {version}（公示期至 {end}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>note: it was received after the objection period ended</source>
        <translation>注意：该异议在公示期结束后才收到</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>objection {number} decided: {outcome}; the next printing of {kind} answers it</source>
        <translation>第 {number} 号异议已处理：{outcome}；下次打印 {kind} 时将据此更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>objection {number} decided: {outcome}</source>
        <translation>第 {number} 号异议已处理：{outcome}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no objections</source>
        <translation>没有异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no notice has been printed yet</source>
        <translation>尚未打印任何公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days left: {days}</source>
        <translation>公示期剩余 {days} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>period over</source>
        <translation>公示期已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upheld</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed</source>
        <translation>异议不成立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../cli/display.py" line="+20"/>
        <source>there is no screen {number}; the screens are: {screens}</source>
        <translation>没有第 {number} 块屏幕；现有屏幕：{screens}</translation>
    </message>
    <message>
        <location filename="../cli/anchors.py" line="+24"/>
        <source>anchor {anchor} ({source}): held, event {seq} of {events}</source>
        <extracomment>The footer&apos;s anchor as printouts/document/base.py prints it, and a slip&apos;s own (审计链头（确认后）, printouts/papers/slip.py).</extracomment>
        <translation>锚点 {anchor}（{source}）：仍在链中，第 {seq} 条，共 {events} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>anchor {anchor} ({source}): HISTORY REWRITTEN: event {seq} now has head {found}; the chain was recomputed after a change at or before it</source>
        <translation>锚点 {anchor}（{source}）：历史被改写：第 {seq} 条事件的链头现为 {found}；在它或它之前的记录被改动后，链被重新计算过</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>anchor {anchor} ({source}): TAIL CUT: the chain has {events} events, {lost} fewer than when this head was anchored</source>
        <translation>锚点 {anchor}（{source}）：链尾被删：链中现有 {events} 条事件，比记下此链头时少 {lost} 条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>anchor {anchor} ({source}): NOT IN THE CHAIN: no event has this head</source>
        <translation>锚点 {anchor}（{source}）：不在链中：没有任何事件的链头是它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: {lines} lines of other databases&apos; chains not checked</source>
        <translation>{path}：另有 {lines} 行属于其他数据库的审计链，未核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path}: NOT WITNESSED HERE: the chain records {acts} witnessed acts, but no line of this file names it (witnessed elsewhere, or its first event rewritten)</source>
        <translation>{path}：本文件未见证此链：审计链记有 {acts} 项应见证的操作，但本文件没有一行属于它（在别处见证，或其第一条事件被改写）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{held} of {total} anchors held</source>
        <translation>{total} 个锚点中 {held} 个仍在链中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no printed audit head (审计链头) found in {path}</source>
        <translation>{path} 中未找到打印的审计链头</translation>
    </message>
    <message>
        <location filename="../cli/publication_verify.py" line="+24"/>
        <source>{path}: notice {kind} {label} of project {project}, registered {registered_at} by {by}; its SHA-256 {sha256} matches the registry</source>
        <translation>{path}：项目 {project} 的公示 {kind} {label}，由 {by} 于 {registered_at} 登记；其 SHA-256 {sha256} 与登记相符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path}: NOT A REGISTERED NOTICE: no notice was registered with SHA-256 {sha256} (the file was changed, or never registered)</source>
        <translation>{path}：不是已登记的公示：没有以 SHA-256 {sha256} 登记的公示（文件被改动过，或从未登记）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its registration is audit event {seq}, after the printed head</source>
        <translation>其登记为第 {seq} 条审计事件，在打印的链头之后</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ITS REGISTRATION IS NOT IN THE AUDIT CHAIN after the printed head: the registry row was written outside the app</source>
        <translation>其登记不在打印链头之后的审计链中：登记记录是在本软件之外写入的</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>notice verified</source>
        <translation>公示核验通过</translation>
    </message>
    <message>
        <location filename="../cli/plan.py" line="+20"/>
        <source>stored session plan version {version}: {batches} batches, {households} households, at {venue}</source>
        <translation>已保存选房安排第{version}版：共{batches}批、{households}户，地点：{venue}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>project {project} has no stored session plan</source>
        <translation>项目{project}尚未保存选房安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session plan version {version}, saved by {who} at {when}; venue {venue}</source>
        <translation>选房安排第{version}版，由{who}于{when}保存；地点：{venue}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batch {number}: {date} {start}–{end}, numbers {first}–{last} ({count} households), {minutes} min each</source>
        <translation>第{number}批：{date} {start}—{end}，第{first}—{last}号（{count}户），每户{minutes}分钟</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plan set needs a --plan file, or --start with the first batch&apos;s date and time (e.g. 2026-12-20T08:30) and --batch-size or --by-group</source>
        <translation>plan set 需要 --plan 安排文件，或以 --start 给出第一批的日期和时间（如 2026-12-20T08:30），并给出 --batch-size 或 --by-group</translation>
    </message>
</context>
<context>
    <name>ConditionBuilder</name>
    <message>
        <location filename="../rules/condition_builder.py" line="+103"/>
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
        <location filename="../rules/condition_term.py" line="+44"/>
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
        <location filename="../registry/members_grid.py" line="+69"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <location filename="../session/countdown.py" line="+100"/>
        <source>over by {time}</source>
        <extracomment>Warn this many seconds before the end (less when the whole time is short).</extracomment>
        <translation>超时 {time}</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <location filename="../session/desk_dialogs.py" line="+218"/>
        <source>Household {code} takes no flat</source>
        <translation>{code} 户不选房</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. no flat it may take is left</source>
        <translation>例如：已无本户可选的房源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The household&apos;s turn ends without a flat. This is recorded with the reason and cannot be undone at the desk.</source>
        <translation>本户的选房轮次结束，不选定房源。此操作连同原因记入日志，在选房台不能撤回。</translation>
    </message>
</context>
<context>
    <name>DeskLayout</name>
    <message>
        <location filename="../session/desk_layout.py" line="+120"/>
        <source>Paused: the hall&apos;s display shows 暂停. Press F9 to resume.</source>
        <translation>已暂停：大屏显示“暂停”。按 F9 继续。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>At the desk</source>
        <translation>选房台</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building view</source>
        <translation>楼栋图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flats this household may take</source>
        <translation>本户可选房源</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order of the session</source>
        <translation>选房顺序</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No further flat may be added: press Enter to confirm the flats taken, or Shift+F4 to put the last one back.</source>
        <translation>不能再添加房源：按 Enter 确认已选房源，或按 Shift+F4 退回最后一套。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This household is offered no flat: {reason}. Press F8 (takes no flat) or settle its compensation first.</source>
        <translation>本户无可选房源：{reason}。请按 F8（不选房），或先处理其补偿方式。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No flat is left that this household may take: press F8 (takes no flat).</source>
        <translation>已无本户可选的房源：请按 F8（不选房）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No selection session yet: open it once the draw is done.</source>
        <translation>尚未开始现场选房：摇号完成后开启选房。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session {status} · held on {day} · {done} of {households} households done · {waiting} waiting · {flats} flats left · {seconds} s per household, {calls} calls</source>
        <translation>选房{status} · {day} · 已完成 {done} / {households} 户 · 等候 {waiting} 户 · 剩余房源 {flats} 套 · 每户 {seconds} 秒，呼叫 {calls} 次</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No flat chosen.</source>
        <translation>尚未选定房源。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next: &lt;b&gt;{flat}&lt;/b&gt; {layout}, floor {floor} · with the flats taken: {area} m² ({difference}) · price &lt;b&gt;{price}&lt;/b&gt; yuan · settlement &lt;b&gt;{settlement}&lt;/b&gt; yuan</source>
        <translation>下一套：&lt;b&gt;{flat}&lt;/b&gt; {layout}，{floor}层 · 连同已选房源：{area}平方米（{difference}） · 房价款&lt;b&gt;{price}&lt;/b&gt;元 · 结算&lt;b&gt;{settlement}&lt;/b&gt;元</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;{flat}&lt;/b&gt; {layout}, floor {floor} · {area} m² · value &lt;b&gt;{value}&lt;/b&gt; yuan · settlement &lt;b&gt;{settlement}&lt;/b&gt; yuan</source>
        <translation>&lt;b&gt;{flat}&lt;/b&gt; {layout}，{floor} 层 · {area} m² · 房源价值 &lt;b&gt;{value}&lt;/b&gt; 元 · 结算 &lt;b&gt;{settlement}&lt;/b&gt; 元</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{flat}&lt;/b&gt; {layout}, floor {floor} · {area} m² ({difference}) · price &lt;b&gt;{price}&lt;/b&gt; yuan · settlement &lt;b&gt;{settlement}&lt;/b&gt; yuan</source>
        <translation>&lt;b&gt;{flat}&lt;/b&gt; {layout}，{floor} 层 · {area} m²（{difference}）· 房价款 &lt;b&gt;{price}&lt;/b&gt; 元 · 结算 &lt;b&gt;{settlement}&lt;/b&gt; 元</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Area: {area} m², value {unit} yuan/m²</source>
        <translation>面积：{area} m²，单价 {unit} 元/m²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flat&apos;s value: {value} yuan</source>
        <translation>房源价值：{value} 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value available (property exchange by value): {amount} yuan</source>
        <translation>可用价值（价值互换）：{amount} 元</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Household {code} {name} ({number}) takes {count} flats?</source>
        <translation>户 {code} {name}（{number}）选定以下{count}套房源？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{number}. {flat}: {layout}, floor {floor}, facing {facing}, {area} m²</source>
        <translation>{number}. {flat}：{layout}，{floor}层，朝向{facing}，{area}平方米</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Once confirmed the flats are final, all together, and the slip is printed for signing.</source>
        <translation>确认后所选各套房源一并生效，不再更改，并打印确认书供签字。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Household {code} {name} ({number}) takes flat {flat}?</source>
        <translation>{code} 户 {name}（{number}）选定 {flat} 号房？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layout: {layout}, floor {floor}, facing {facing}</source>
        <translation>户型：{layout}，{floor} 层，朝向 {facing}</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Area: {area} m² (entitlement {entitlement} m², {difference} m²)</source>
        <translation>面积：{area} m²（安置面积 {entitlement} m²，差 {difference} m²）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price to pay: {price} yuan</source>
        <translation>房价款：{price} 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation: {amount} yuan</source>
        <translation>补偿款：{amount} 元</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+26"/>
        <source>Settlement: {balance} yuan ({direction})</source>
        <translation>结算：{balance} 元（{direction}）</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+26"/>
        <source>paid to the household</source>
        <translation>支付给本户</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+26"/>
        <source>paid by the household</source>
        <translation>由本户支付</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+27"/>
        <source>Chosen by the proxy {name} ({id_number})</source>
        <translation>由代理人 {name}（{id_number}）代为选房</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once confirmed the choice is final and the slip is printed for signing.</source>
        <translation>确认后不得更改，并打印选房确认书供签字。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Flat {flat} is not one this household may take.</source>
        <translation>{flat} 号房不在本户可选范围内。</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <location filename="../session/desk_window.py" line="+33"/>
        <source>Selection desk — {project}</source>
        <translation>选房台 — {project}</translation>
    </message>
</context>
<context>
    <name>DisplayLayout</name>
    <message>
        <location filename="../session/display_layout.py" line="+78"/>
        <source>Hall display — {project}</source>
        <translation>大屏 — {project}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Please get ready</source>
        <translation>请做好准备</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flats left by layout</source>
        <translation>各户型剩余房源</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please wait a moment</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>{project} · on-site flat selection</source>
        <translation>{project} · 现场选房</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Just chosen: {number} {name} → {flat}</source>
        <translation>刚刚选定：{number} {name} → {flat}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{done} of {households} households done · {flats} flats left</source>
        <translation>已完成 {done} / {households} 户 · 剩余房源 {flats} 套</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch {number} · {month}/{day} {half} · {households} households</source>
        <translation>第{number}批 · {month}月{day}日{half} · 共{households}户</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Selection has not started</source>
        <translation>选房尚未开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selection session is closed</source>
        <translation>本场选房已结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please wait for the next call</source>
        <translation>请等待叫号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Now choosing</source>
        <translation>正在选房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>call {calls}</source>
        <translation>第 {calls} 次呼叫</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> (again)</source>
        <translation>（过号）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{count} left</source>
        <translation>剩 {count} 套</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>available</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>taken</source>
        <translation>已选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not offered</source>
        <translation>不可选</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../session/display_window.py" line="+189"/>
        <source>Hall display</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the display on:</source>
        <translation>大屏显示在：</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../printing/printouts_page.py" line="+115"/>
        <location line="+127"/>
        <source>Choose a document and press Preview.</source>
        <translation>请选择文件，然后点击“预览”。</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>all households</source>
        <translation>全部户</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. the resettlement estate&apos;s name</source>
        <translation>如：某某安置小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 days after the session</source>
        <translation>选房后30日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as notified in writing</source>
        <translation>以书面通知为准</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Document:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household:</source>
        <translation>户号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objection period from:</source>
        <translation>公示开始：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objection period:</source>
        <translation>公示期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office:</source>
        <translation>受理单位：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance paid:</source>
        <translation>结算款支付：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New flats at:</source>
        <translation>安置房地点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move out by:</source>
        <translation>搬迁期限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flats handed over by:</source>
        <translation>交房期限：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>A public notice: saving or printing it registers it as its next version, with this objection period.</source>
        <translation>公示文件：保存或打印时登记为新的一版，并记录此公示期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It reports the session day the objection period starts on.</source>
        <translation>公告的是公示期首日当天的选房结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It prints the stored session plan (anju plan set).</source>
        <translation>打印已保存的选房安排（anju plan set）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It reports the newest voided selection session.</source>
        <translation>公告最近一场被作废的选房活动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One section per household, each numbering its own pages.</source>
        <translation>每户一份，各自编页码。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The options or the data changed: preview again.</source>
        <translation>选项或数据已变更，请重新预览。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading the data…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Laying out the pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{pages} pages</source>
        <translation>共 {pages} 页</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>will be registered as {version}</source>
        <translation>将登记为{version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} households</source>
        <translation>{count} 户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} households have not chosen a flat yet</source>
        <translation>{count} 户尚未选房</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>left out, entitlement or price changed since the desk: {codes}</source>
        <translation>因安置面积或房价款与选房时不一致而未打印：{codes}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: nothing was made.</source>
        <translation>已取消，未生成任何文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved {path}.</source>
        <translation>已保存 {path}。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+36"/>
        <source>Printed.</source>
        <translation>已打印。</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Registered as {version}, objection period until {end}.</source>
        <translation>已登记为{version}，公示期至 {end}。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The printer could not be opened: nothing was printed.</source>
        <translation>无法打开打印机，未打印任何内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>DrawOrderModel</name>
    <message>
        <location filename="../lottery/draw_order_model.py" line="+23"/>
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
        <location filename="../lottery/draw_page.py" line="+151"/>
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
        <location line="+21"/>
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
        <location line="+5"/>
        <source>Witnesses:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+2"/>
        <source>Void session…</source>
        <translation>作废选房会…</translation>
    </message>
    <message>
        <location line="+100"/>
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
        <source>draw {seq} done ({method}); final: {session}</source>
        <translation>第 {seq} 次摇号已完成（{method}）；已定案：{session}</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+7"/>
        <source>selection session {id} ({status}, {chosen} flats chosen) uses its order</source>
        <translation>选房会 {id}（{status}，已选 {chosen} 套）按其顺序进行</translation>
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
        <location line="+26"/>
        <source>Only a supervisor may do this; you are signed in as {actor}.</source>
        <translation>只有主管可以执行此操作；您当前的登录身份是 {actor}。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The draw is final: {session}. To retract it, a supervisor first voids the session, with a reason (its choices are kept, marked void).</source>
        <translation>摇号结果已定案：{session}。如需撤回，须由主管先说明理由作废该选房会（其选房确认保留并标记作废）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Void the selection session, with a reason: its choices are kept and marked void, their flats are free again</source>
        <translation>说明理由作废选房会：其选房确认保留并标记作废，所涉房源重新可选</translation>
    </message>
    <message>
        <location line="+33"/>
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
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <source>Void the selection session</source>
        <translation>作废选房会</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Why is the selection session voided? The reason goes into the audit log and onto the void notice.</source>
        <translation>为什么作废选房会？理由将记入审计日志并印在作废公告上。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A session is only voided with a reason.</source>
        <translation>作废选房会必须说明理由。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Void the selection session now?

Every choice made in it is kept but marked void, and its flat is free again. The households choose again in a new session (after a new draw, if the draw is retracted).

Then print the void notice on the Printouts page: it is registered as a public notice.</source>
        <translation>现在作废选房会吗？

其中每条选房确认都保留但标记作废，所涉房源重新可选。各户将在新的选房会中重新选房（如撤回摇号，则在重新摇号之后）。

作废后请在“打印”页打印选房活动作废公告：该公告作为公示登记。</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <location filename="../casework/entries_tabs.py" line="+166"/>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title (the file&apos;s name if empty)</source>
        <translation>名称（留空则用文件名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attach a file…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected reference</source>
        <translation>移除所选附件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unchanged</source>
        <translation>未改动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed since attached</source>
        <translation>添加后已被改动</translation>
    </message>
</context>
<context>
    <name>FlagsTab</name>
    <message>
        <location filename="../casework/requests_tabs.py" line="+133"/>
        <source>Case</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Raised</source>
        <translation>申报日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Add case</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Set status</source>
        <translation>设定状态(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected case</source>
        <translation>所选事项</translation>
    </message>
</context>
<context>
    <name>FlatDialog</name>
    <message>
        <location filename="../registry/flat_dialog.py" line="+88"/>
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
        <location line="+21"/>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <location line="+42"/>
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
        <source>&amp;Inner area:</source>
        <translation>套内面积(&amp;I)：</translation>
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
        <location line="+49"/>
        <source>This flat was chosen in the selection session: its status changes only there (by revoking the choice at the desk).</source>
        <translation>此房源已在选房会上选定：其状态只能在选房会上改变（在选房台撤销该选房）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Selected” is set only by a household&apos;s choice in the selection session.</source>
        <translation>“已选”只能由被安置户在选房会上选定产生。</translation>
    </message>
    <message>
        <location line="+72"/>
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
        <location filename="../registry/flats_model.py" line="+50"/>
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
        <location line="+252"/>
        <source>{key} · {layout} · {area} m² · {total} yuan</source>
        <translation>{key} · {layout} · {area} m² · {total} 元</translation>
    </message>
</context>
<context>
    <name>FlatsPage</name>
    <message>
        <location filename="../registry/flats_page.py" line="+114"/>
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
        <location line="+89"/>
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
        <location line="+86"/>
        <location line="+14"/>
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
        <location filename="../registry/building_view.py" line="-272"/>
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
    <name>HallGrid</name>
    <message>
        <location filename="../session/hall_grid.py" line="+168"/>
        <source>{0}F</source>
        <translation>{0}层</translation>
    </message>
</context>
<context>
    <name>HouseholdCard</name>
    <message>
        <location filename="../session/household_card.py" line="+61"/>
        <source>Household:</source>
        <translation>户号：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Head&apos;s ID:</source>
        <translation>户主身份证号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entitlement:</source>
        <translation>安置面积：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May choose:</source>
        <translation>可选面积：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group:</source>
        <translation>优先组：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calls:</source>
        <translation>呼叫：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy:</source>
        <translation>代理人：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compensation:</source>
        <translation>补偿款：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Members:</source>
        <translation>家庭成员：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted</source>
        <translation>认定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conditions</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nobody at the desk</source>
        <translation>选房台暂无人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press F5 to call the next household.</source>
        <translation>按 F5 呼叫下一户。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{code}, {people} people, {counted} counted</source>
        <translation>{code}，{people} 人，认定 {counted} 人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>by value (价值互换)</source>
        <translation>价值互换（不按面积）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flats its value available covers</source>
        <translation>可用价值足以抵扣的房源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{area} m²</source>
        <translation>{area} m²</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at most {high} m²</source>
        <translation>不超过 {high} m²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{low} – {high} m²</source>
        <translation>{low} – {high} m²</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no priority group)</source>
        <translation>（无优先组）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call {calls} of {limit}</source>
        <translation>第 {calls} 次呼叫，共 {limit} 次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, moved to the end once</source>
        <translation>，已过号一次</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none: the household chooses in person</source>
        <translation>无：本户亲自选房</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{amount} yuan available</source>
        <translation>可用价值 {amount} 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>HouseholdCommands</name>
    <message>
        <location filename="../registry/household_commands.py" line="+109"/>
        <source>Add household {code}</source>
        <translation>添加户 {code}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit household {code}</source>
        <translation>修改户 {code}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete household {code}</source>
        <translation>删除户 {code}</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../registry/members_grid.py" line="+30"/>
        <source>Grade {grade}</source>
        <translation>{grade}级</translation>
    </message>
    <message>
        <location filename="../registry/household_dialog.py" line="+120"/>
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
        <location line="+12"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chosen on</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The day the household chose its compensation mode (选择日期)</source>
        <translation>被安置户选定补偿方式的日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The old home&apos;s assessed value (评估价值): needed for property exchange by value and for money compensation</source>
        <translation>被征收房屋的评估价值：产权调换（价值互换）和货币补偿须填写</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 鄂华信评字[2026]第0123号</source>
        <translation>如 鄂华信评字[2026]第0123号</translation>
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
        <location line="+5"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transition and payment</source>
        <translation>过渡安置与收款</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compensation mode</source>
        <translation>补偿方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assessed value (yuan)</source>
        <translation>评估价值（元）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appraisal report no.</source>
        <translation>评估报告编号</translation>
    </message>
    <message>
        <location line="+169"/>
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
        <location filename="../registry/households_model.py" line="+81"/>
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
        <location line="+3"/>
        <source>Property exchange (by area)</source>
        <translation>产权调换（按面积）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property exchange (by value)</source>
        <translation>产权调换（价值互换）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money compensation</source>
        <translation>货币补偿</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By area</source>
        <translation>按面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By value</source>
        <translation>价值互换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money</source>
        <translation>货币补偿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Own transition</source>
        <translation>自行过渡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transition housing</source>
        <translation>周转用房</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location line="-111"/>
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
        <source>Stage</source>
        <translation>进度</translation>
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
        <location line="+1"/>
        <source>Compensation</source>
        <translation>补偿方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transition</source>
        <translation>过渡方式</translation>
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
        <source>The furthest step reached: registered, verified, signed, moved out, flat chosen at the selection session, keys handed over</source>
        <translation>已到达的最远一步：已登记、已核实、已签约、已搬迁、在选房会上已选房、已交房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Order in which the agreement was signed (签约顺序号)</source>
        <translation>签订安置协议的先后顺序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the household is compensated (补偿方式): property exchange by area or by value, or money</source>
        <translation>补偿方式：产权调换（按面积或价值互换）或货币补偿</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the household waits for its new flat (过渡方式): on the transition allowance, or in transition housing lent by the office; a household compensated in money has no transition</source>
        <translation>被安置户等候新房期间的过渡方式：领取过渡安置费自行过渡，或住进指挥部提供的周转用房；货币补偿的家庭无需过渡</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>{recognised} of {members} recognised, {new} new member(s)</source>
        <translation>{members} 人中认定 {recognised} 人，新增人口 {new} 人</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location filename="../registry/households_page.py" line="+100"/>
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
        <source>All stages</source>
        <translation>全部进度</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Showing {shown} of {total} households</source>
        <translation>显示 {shown} / 共 {total} 户</translation>
    </message>
    <message>
        <location line="+90"/>
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
    <name>HouseholdsProgress</name>
    <message>
        <location filename="../casework/lists.py" line="+39"/>
        <source>Code</source>
        <translation>户号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible</source>
        <translation>包户责任人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verified</source>
        <translation>核实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>签约顺序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved out</source>
        <translation>搬迁</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flat</source>
        <translation>选定房源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat chosen</source>
        <translation>选房</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>交钥匙</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting requests</source>
        <translation>待答复诉求</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{shown} of {total} households</source>
        <translation>显示 {shown} 户，共 {total} 户</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../common/excel_files.py" line="+21"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spreadsheet (*.xlsx *.xlsm *.xlsb *.xls *.ods)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xlsb *.xls *.ods)</translation>
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
        <location filename="../registry/import_dialog.py" line="+135"/>
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
        <location line="+141"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location filename="../registry/export_actions.py" line="+20"/>
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
    <name>IntentionForm</name>
    <message>
        <location filename="../casework/intention_tab.py" line="+59"/>
        <source>best first, e.g. 3室2厅1卫、2室2厅1卫</source>
        <extracomment>The floor spin boxes&apos; lowest value, shown as &quot;any&quot;: no bound.</extracomment>
        <translation>按先后顺序，如 3室2厅1卫、2室2厅1卫</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any; or e.g. 1、4</source>
        <translation>不限；或如 1、4</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floors</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flats</source>
        <translation>套数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Layouts wanted</source>
        <translation>意向户型</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>buildings {names}</source>
        <translation>{names}栋</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>floors {low}–{high}</source>
        <translation>{low}–{high}层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{flats} flats</source>
        <translation>{flats}套</translation>
    </message>
</context>
<context>
    <name>IntentionTab</name>
    <message>
        <location line="+17"/>
        <source>who asked</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record intention</source>
        <translation>登记意向(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear (unknown)</source>
        <translation>清除（改为未知）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Households without an intention count as unknown: the chances assume they may take any flat the rules allow them.</source>
        <translation>未登记意向的户按“未知”计：测算时假定其可能选择规则允许的任一套房源。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Intention: unknown (not recorded)</source>
        <translation>选房意向：未知（未登记）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intention: {what} (recorded {day} by {who})</source>
        <translation>选房意向：{what}（{day} {who} 登记）</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <location filename="../rules/items_editor.py" line="+97"/>
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
        <location filename="../common/actions.py" line="+70"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty resettlement project</source>
        <translation>新建一个空的安置项目</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="-36"/>
        <source>Project &amp;name and title…</source>
        <translation>项目简称和名称(&amp;N)…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Progress</source>
        <translation>进度(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily report by team, every household&apos;s progress, requests waiting for an answer</source>
        <translation>按工作组的日通报、每户进度、待答复的诉求</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Case log…</source>
        <translation>一户一档(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team, visits, requests, special cases and progress of the selected household</source>
        <translation>所选户的包户工作组、走访、诉求、特殊情况和进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;rintouts</source>
        <translation>打印(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notices, agreements, slips and statistics; publications and objections</source>
        <translation>公示、协议、确认书和统计表；公示版本与异议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Selection session</source>
        <translation>现场选房(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The on-site selection desk and the hall display</source>
        <translation>现场选房操作台和大厅显示屏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A consistent copy, safe while Anju runs</source>
        <translation>一致的副本，安居运行时也可安全备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from a &amp;backup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the open database with a backup (administrators)</source>
        <translation>用备份替换当前数据库（仅系统管理员）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add users, set their roles, reset passwords (administrators)</source>
        <translation>添加用户、设置角色、重设密码（仅系统管理员）</translation>
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
        <location filename="../shell/main_window.py" line="+155"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name and title…</source>
        <translation>简称和名称…</translation>
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
        <location line="+18"/>
        <location line="+299"/>
        <source>Households</source>
        <translation>被安置户</translation>
    </message>
    <message>
        <location line="-299"/>
        <location line="+299"/>
        <source>Flats</source>
        <translation>房源</translation>
    </message>
    <message>
        <location line="-299"/>
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
        <location line="+0"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printouts</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selection</source>
        <translation>现场选房</translation>
    </message>
    <message>
        <location line="+29"/>
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
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>H&amp;ouseholds</source>
        <translation>被安置户(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{name} (rehearsal)</source>
        <translation>{name}（演练）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Anju</source>
        <translation>安居</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anju — {project}</source>
        <translation>安居 — {project}</translation>
    </message>
    <message>
        <location line="+76"/>
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
        <location line="+53"/>
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
        <location filename="../registry/members_grid.py" line="+67"/>
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
        <location filename="messages.py" line="+21"/>
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
        <source>compensation mode</source>
        <translation>补偿方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day the compensation mode was chosen</source>
        <translation>补偿方式选择日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assessed value</source>
        <translation>评估价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appraisal report number</source>
        <translation>评估报告编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transition housing address</source>
        <translation>周转房地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transition term start</source>
        <translation>周转起始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transition term end</source>
        <translation>周转截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payee&apos;s bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payee account name</source>
        <translation>收款户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payee account number</source>
        <translation>收款账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old home use</source>
        <translation>原房屋用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inner floor area</source>
        <translation>套内建筑面积</translation>
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
        <location line="+1"/>
        <source>proxy&apos;s name</source>
        <translation>委托代理人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proxy&apos;s ID number</source>
        <translation>委托代理人身份证号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+636"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="-635"/>
        <source>seconds per household</source>
        <translation>每户选房时间（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls before moving to the end</source>
        <translation>过号前的呼叫次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>objector&apos;s name</source>
        <translation>异议人姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entry objected to</source>
        <translation>异议事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decision</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>way of contact</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>summary of the visit</source>
        <translation>走访内容摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text of the request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>who answered</source>
        <translation>答复人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answer date</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closing date</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decision date</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>responsible pair</source>
        <translation>包户责任人</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{field} is required</source>
        <translation>{field}为必填项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{actor} ({role}) may not do this: it needs a {needed} or above</source>
        <translation>{actor}（{role}）无权执行此操作：需要{needed}或更高权限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this database has users: give the password in {variable} or run the command at a terminal, which asks for it</source>
        <translation>此数据库已设用户：请在环境变量 {variable} 中提供密码，或在终端中运行命令以便输入密码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>wrong user name or password (or the account is deactivated)</source>
        <translation>用户名或密码错误（或账号已停用）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the first user of a database must be an administrator</source>
        <translation>数据库的第一个用户必须是系统管理员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a password needs at least {minimum} characters</source>
        <translation>密码至少需要 {minimum} 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown role “{role}” (roles: {allowed})</source>
        <translation>未知角色“{role}”（可用角色：{allowed}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is already a user named {name}</source>
        <translation>已有名为 {name} 的用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no user named {name}</source>
        <translation>没有名为 {name} 的用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is the last active administrator and must stay one</source>
        <translation>{name} 是最后一个有效的系统管理员，不能降级或停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>project {project} has frozen rules: it is on the public record and cannot be deleted</source>
        <translation>项目“{project}”的分房方案已冻结并公示，不能删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the automatic backup before {act} could not be written to {folder} ({reason}): nothing was done. Make room or fix the folder, then try again</source>
        <translation>{act}前的自动备份无法写入 {folder}（{reason}）：本次操作未执行。请腾出空间或修正备份目录后重试</translation>
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
        <location line="+7"/>
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
        <location line="+4"/>
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
        <source>the head&apos;s name {head_name} differs from the 户主 member {member_name}</source>
        <oldsource>the head&apos;s name {head_name} differs from the 户主 member {member}</oldsource>
        <translation>户主姓名 {head_name} 与关系为“户主”的成员 {member_name} 不一致</translation>
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
        <source>{field} is required for property exchange by value and for money compensation</source>
        <translation>选择产权调换（价值互换）或货币补偿的，须填写{field}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household} has signed its agreement, which settles its compensation: the {field} can no longer be changed</source>
        <translation>{household} 户已签约，补偿已随协议确定：{field}不能再更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a transition term needs the transition housing&apos;s address (leave the dates empty for transition by allowance)</source>
        <translation>填写了周转期限，须同时填写周转房地址（自行过渡的请留空日期）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the transition term ends ({end}) before it starts ({start})</source>
        <translation>周转截止日期（{end}）早于起始日期（{start}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} must be {min} to {max} digits (spaces and hyphens between them are allowed)</source>
        <translation>{field}应为 {min}–{max} 位数字（数字之间可有空格或连字符）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} {inner_area} m² is larger than the floor area {area} m²</source>
        <translation>{field} {inner_area} ㎡ 大于建筑面积 {area} ㎡</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+19"/>
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
        <source>household {household} chose {count} flats, more than the {max_flats} the policy allows a household (max_flats)</source>
        <translation>被安置户 {household} 选择了 {count} 套房源，超过方案规定的每户最多 {max_flats} 套</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flat {flat} has no inner area (套内建筑面积), which the policy counts, and the policy gives no shared-area share to work it out from the building area: enter the flat&apos;s inner area or set the share</source>
        <translation>房源{flat}没有套内建筑面积，而方案按套内建筑面积计价，且未规定公摊比例，无法由建筑面积折算：请录入该房源的套内建筑面积或规定公摊比例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>household {household} chose compensation mode “{mode}” but has no assessed value (评估价值) recorded</source>
        <translation>被安置户{household}选择了“{mode}”，但未登记被征收房屋评估价值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household}: the assessed value {value} yuan is negative</source>
        <translation>被安置户{household}：评估价值{value}元为负数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>household {household} chose compensation mode “{mode}”, which the policy does not offer</source>
        <translation>被安置户{household}选择了“{mode}”，但分房方案未规定该补偿方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household} takes money compensation and may take no flat (chosen: {flats})</source>
        <translation>被安置户{household}选择货币补偿，不得选房（所选：{flats}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household} has no value left ({available} yuan) for flat {flat}</source>
        <translation>被安置户{household}可用价值已用尽（剩余{available}元），不得再选购房源{flat}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household}: the {remaining} yuan of value left is below {share} of flat {flat}&apos;s value {value} yuan (at least {minimum} yuan)</source>
        <translation>被安置户{household}：剩余可用价值{remaining}元低于房源{flat}价值{value}元的{share}（{minimum}元），不得选购该套房源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household}: layout {layout} (flat {flat}) may only be taken alone</source>
        <translation>被安置户{household}：{layout}户型（房源{flat}）只能单独选购</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} cannot be used to order households: it must be from 0 to below {limit}</source>
        <translation>{value} 不能用于排序：应不小于 0 且小于 {limit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a team named “{name}” already exists</source>
        <translation>已有名为“{name}”的工作组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team not found</source>
        <translation>找不到该工作组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team “{name}” still has {staff} staff; only an empty team can be deleted</source>
        <translation>工作组“{name}”还有 {staff} 名人员，只能删除没有人员的工作组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a staff member named “{name}” already exists in this project</source>
        <translation>本项目已有名为“{name}”的人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>staff member not found</source>
        <translation>找不到该人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not a member of this team; a household&apos;s pair comes from its own team</source>
        <translation>{name} 不是该工作组的成员；包户责任人须来自该户所属的工作组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is no longer active and cannot be given households</source>
        <translation>{name} 已停用，不能再分配包户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the responsible pair must be two different people</source>
        <translation>包户的两名责任人须为不同的人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>visit not found (deleted meanwhile?)</source>
        <translation>找不到该走访记录（是否已被删除？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note not found (deleted meanwhile?)</source>
        <translation>找不到该备注（是否已被删除？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request not found (deleted meanwhile?)</source>
        <translation>找不到该诉求（是否已被删除？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>special case not found (deleted meanwhile?)</source>
        <translation>找不到该特殊情况（是否已被删除？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file reference not found (removed meanwhile?)</source>
        <translation>找不到该附件记录（是否已被移除？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file {path} cannot be read; attach a file that exists</source>
        <translation>无法读取文件 {path}；请选择存在的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {code} already has the special case “{kind}”; change its status instead</source>
        <translation>{code} 户已登记特殊情况“{kind}”，请修改其状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this request is answered already; reopen it to answer it again</source>
        <translation>该诉求已答复；如需重新答复，请先重新打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a request is closed only after it was answered</source>
        <translation>诉求须答复后才能办结</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this request is closed already</source>
        <translation>该诉求已办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this request is still waiting for an answer; there is nothing to reopen</source>
        <translation>该诉求尚待答复，无需重新打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only a request still waiting for an answer can be deleted; an answered one stays in the case log</source>
        <translation>只能删除尚待答复的诉求；已答复的诉求保留在档案中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} {date} is before {start}</source>
        <translation>{field} {date} 早于 {start}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signing is recorded with its signing order, and a flat is chosen at the selection session: neither is recorded as a progress step</source>
        <translation>签约连同签约顺序号登记，选房在现场选房时完成：两者都不作为进度步骤登记</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a household moves out only after it signed its agreement</source>
        <translation>须先签订协议，才能登记搬迁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keys are handed over only after a flat was chosen</source>
        <translation>须先选定房源，才能登记交钥匙</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the date {date} is before the step it follows ({needs_date})</source>
        <translation>日期 {date} 早于前一步骤的日期（{needs_date}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {code} signed on {signed_on} already</source>
        <translation>{code} 户已于 {signed_on} 签约</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signing order {seq} belongs to household {code} already</source>
        <translation>签约顺序号 {seq} 已属于 {code} 户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown way of contact (write 入户走访, 电话联系, 来访接待 or 其他)</source>
        <translation>无法识别的走访方式（请填写入户走访、电话联系、来访接待或其他）</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>the database is held by another program or workstation and did not become free in time: nothing was saved. Close the other program (or wait for its work to finish) and try again</source>
        <translation>数据库被其他程序或工作站占用，等待超时仍未释放：未保存任何内容。请关闭其他程序（或等待其操作完成）后重试</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>layouts wanted</source>
        <translation>意向户型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buildings wanted</source>
        <translation>意向楼栋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lowest floor wanted</source>
        <translation>意向最低楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>highest floor wanted</source>
        <translation>意向最高楼层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flats wanted</source>
        <translation>意向套数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date recorded</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>give the new password in {variable} or run the command at a terminal, which asks for it</source>
        <translation>请在 {variable} 中给出新密码，或在终端中运行此命令（终端会询问密码）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>flat {key} cannot be registered as chosen: a flat is chosen only by a household at the selection desk; register it as available</source>
        <translation>房源 {key} 不能登记为已选：房源只能由家庭在选房现场选定；请登记为可选</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the account {actor} in the users table differs from what the audit log says of it (changed outside Anju): it cannot act until an administrator restores a backup</source>
        <translation>用户表中的账户 {actor} 与审计日志的记载不符（曾在安居之外被改动）：在管理员恢复备份之前，该账户不能进行任何操作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{failures} wrong passwords in a row for {name}: the account waits {minutes} more minutes before it may sign in</source>
        <translation>{name} 已连续 {failures} 次密码错误：该账户须再等待 {minutes} 分钟才能登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup unpacks to {size} bytes, more than the {limit} a restore reads (ANJU_RESTORE_MAX_BYTES); nothing was restored</source>
        <translation>备份解压后为 {size} 字节，超过恢复允许读取的 {limit} 字节（ANJU_RESTORE_MAX_BYTES）；未恢复任何数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup&apos;s audit log is broken at event {seq} ({reason}): its history was altered, so nothing was restored</source>
        <translation>备份中的审计日志在第 {seq} 条事件处断裂（{reason}）：其历史记录已被改动，未恢复任何数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the backup&apos;s data differs from its own audit log ({detail}): it was altered outside Anju, so nothing was restored</source>
        <translation>备份中的数据与其自身的审计日志不符（{detail}）：数据曾在安居之外被改动，未恢复任何数据</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>household {household} has a non-residential old home, whose business loss (停产停业损失) the policy counts on the assessed value (评估价值), but no assessed value is recorded</source>
        <translation>被安置户{household}的原房屋为非住宅，分房方案按评估价值计算停产停业损失，但该户未录入评估价值</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>this is not a spreadsheet (.xlsx, .xls, .ods…) ({detected}); save it as .xlsx and retry</source>
        <translation>这不是电子表格文件（.xlsx、.xls、.ods 等）（{detected}）；请另存为 .xlsx 后重试</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>the sheet is used as far as cell {cell}, too large to read at once: delete the rows and columns beyond the data (Ctrl+End shows the last used cell) and save again</source>
        <translation>工作表一直用到单元格 {cell}，范围过大，无法一次读入：请删除数据以外的行和列（按 Ctrl+End 可找到最后使用的单元格）后重新保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the {field} cell holds a formula error: correct the formula, or type the value</source>
        <translation>{field}单元格是公式错误：请改正公式，或直接填写内容</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>{field} is not a known compensation mode (write 产权调换（按面积）, 产权调换（价值互换） or 货币补偿, or for short 按面积, 价值互换; blank is by area)</source>
        <translation>{field}不是可识别的补偿方式（请填写“产权调换（按面积）”“产权调换（价值互换）”或“货币补偿”，也可简写为“按面积”“价值互换”；留空为按面积）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {code} chose {mode}: {field} is required</source>
        <translation>{code} 户选择{mode}，须填写{field}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} is not a known use (write 住宅 or 非住宅; blank is 住宅)</source>
        <translation>{field}不是可识别的用途（请填写“住宅”或“非住宅”；留空为住宅）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} is a number cell: Excel keeps only 15 digits of a number, so the account may have lost some; format the column as text and type it again</source>
        <translation>{field}是数字格式的单元格：Excel 数字只保留15位，账号可能已丢失数字；请将该列设为文本格式后重新填写</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+1"/>
        <source>a share of a flat&apos;s value must be at most 1 (found {value})</source>
        <translation>房源价值比例不得大于1（现为{value}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a household in its own transition moves once or twice (found {value})</source>
        <translation>自行过渡的搬迁次数只能为1次或2次（现为{value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of moves counts only for an item paid per move (moves: true)</source>
        <translation>自行过渡搬迁次数只对按搬迁次数计发的项目有效（moves: true）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the share of the allowance paid in transition housing must be at most 1 (found {value})</source>
        <translation>周转用房过渡的过渡安置费计发比例不得大于1（现为{value}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the business loss needs exactly one basis: a percent of the assessed value, or an amount per m² and month</source>
        <translation>停产停业损失须且只须填写一种计算方式：按评估价值的百分比，或按每平方米每月金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a percent must be at most 100 (found {value})</source>
        <translation>百分比不得大于100（现为{value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an amount per month needs a number of months above zero (found {value})</source>
        <translation>按月计算须填写大于0的月数（现为{value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>months count only for an amount per m² and month; remove them</source>
        <translation>月数只适用于按每平方米每月计算的方式，请删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the transition allowance is counted here, but the policy has none</source>
        <translation>此处计入过渡安置费，但分房方案未设过渡安置费</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is not one of the policy&apos;s compensation items</source>
        <translation>“{name}”不是分房方案中的补偿补助项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the policy names no reference date (the day on which every age and date condition is judged); set it before freezing</source>
        <translation>方案未填写计算基准日（计算年龄及各项日期条件的日期），冻结前必须填写</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>the minimum area&apos;s condition has no effect while the minimum area is 0; set the minimum area or remove the condition</source>
        <translation>保底面积为 0 时，保底条件不起作用；请填写保底面积或删除该条件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the maximum area ({maximum} m²) is below the minimum area ({minimum} m²)</source>
        <translation>最高安置面积（{maximum} 平方米）低于保底面积（{minimum} 平方米）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of flats per household must be at least 1 (found {value}); leave it empty for no limit</source>
        <translation>每户可选套数至少为 1（现为 {value}）；不限套数请留空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the entitlement from which a household may take more than one flat has no effect while every household may take only one; raise the number of flats or leave the entitlement empty</source>
        <translation>每户只能选购1套时，可选购多套的安置面积不起作用；请提高每户套数或清空该面积</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>a coefficient must be greater than zero (found {value})</source>
        <translation>系数必须大于零（现为 {value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a share of the legal area must be greater than zero (found {value})</source>
        <translation>原合法面积的比例必须大于零（现为 {value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the last price tier must reach the cap, so it cannot end at a share of the legal area</source>
        <translation>最后一档须延伸至可购买上限，不能按原合法面积比例截止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this floor range overlaps the one at {other}</source>
        <translation>此楼层范围与 {other} 的楼层范围重叠</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a shared-area share (公摊) only applies when flats are counted by inner area; choose the inner area basis or remove the share</source>
        <translation>公摊比例仅在按套内建筑面积计价时适用：请选择按套内建筑面积计价或删除公摊比例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the shared-area share must be below 1 (found {value}), e.g. 0.12 for 12 %</source>
        <translation>公摊比例必须小于1（现为{value}），例如12%写作0.12</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the round-up needs either a price or a factor, not both and not neither</source>
        <translation>就近上靠须规定价格或系数之一，不能两者都有，也不能都没有</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the round-up&apos;s area must be greater than zero (found {value} m²)</source>
        <translation>就近上靠面积必须大于零（现为{value}平方米）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the round-up reaches {max_area} m² over the entitlement, beyond the cap of {cap} m²</source>
        <translation>就近上靠至超出安置面积{max_area}平方米，超过了可购买上限{cap}平方米</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>draw {seq} cannot be retracted: selection session {session} ({session_status}, {chosen} flats chosen) was held in its order. A supervisor may void the session first, with a reason (its choices are kept, marked void)</source>
        <translation>第 {seq} 次摇号不能撤回：选房会 {session}（{session_status}，已选 {chosen} 套）已按其顺序进行。须由主管先说明理由作废该选房会（其选房确认保留并标记作废）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{value}” is not a chain head: write 64 hex digits, then @ and the event count, e.g. 3f…9a@1234</source>
        <translation>“{value}”不是审计链头：请写 64 位十六进制数字，再写 @ 和事件条数，例如 3f…9a@1234</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the witness file {path} could not be written ({reason}): the act was not done. Plug in the witness medium or set ANJU_WITNESS_FILE, then try again</source>
        <translation>见证文件 {path} 无法写入（{reason}）：操作未执行。请插入见证介质或设置 ANJU_WITNESS_FILE 后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the witness file {path} could not be read ({reason})</source>
        <translation>见证文件 {path} 无法读取（{reason}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line {line} of the witness file {path} is not a witnessed head: the file is damaged</source>
        <translation>见证文件 {path} 的第 {line} 行不是见证的链头：文件已损坏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no printed audit head (审计链头) found in {path}</source>
        <translation>{path} 中未找到打印的审计链头</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the backup&apos;s audit chain lacks {lost} heads of the witness file {witness} (the newest, {anchor}: {verdict}): it is older than a witnessed act, or its history was rewritten. Nothing was restored; give a reason to restore it all the same (the reason is audited)</source>
        <translation>备份的审计链缺少见证文件 {witness} 中的 {lost} 个链头（最新的 {anchor}：{verdict}）：它早于某项已见证的操作，或其历史被改写过。未恢复任何数据；如仍要恢复，请说明理由（理由将记入审计日志）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the backup&apos;s audit chain records {acts} witnessed acts (freezing, the draw, the session…), but the witness file {witness} names none of them: it was witnessed on another computer or into another file, or its first event was rewritten. Nothing was restored; give a reason to restore it all the same (the reason is audited)</source>
        <translation>备份的审计链记有 {acts} 项应见证的操作（冻结规则、摇号、选房活动等），但见证文件 {witness} 中没有一项：它在另一台电脑上或另一个见证文件中见证，或其第一条事件被改写。未恢复任何内容；如仍要恢复，请填写理由（理由将记入审计日志）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>history rewritten</source>
        <translation>历史被改写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>events after it are missing</source>
        <translation>其后的事件缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not in the chain</source>
        <translation>不在链中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>freezing the rules</source>
        <translation>冻结分房方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the draw</source>
        <translation>摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>opening the selection session</source>
        <translation>开始现场选房</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>voiding the selection session</source>
        <translation>作废选房会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>publishing the pool</source>
        <translation>公布摇号名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closing the selection session</source>
        <translation>结束选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the restore</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>observer</source>
        <translation>观察员（只读）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no active user account</source>
        <translation>无有效账号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>property exchange by area</source>
        <translation>产权调换（按面积）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>property exchange by value</source>
        <translation>产权调换（价值互换）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>money compensation</source>
        <translation>货币补偿</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+5"/>
        <source>the project already has a selection session</source>
        <translation>该项目已有选房场次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the project has no selection session: open one first</source>
        <translation>该项目没有选房场次，请先开启</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the selection session is paused: resume it first</source>
        <translation>选房已暂停，请先恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the selection session is closed</source>
        <translation>选房已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household {household} is at the desk: finish its turn first</source>
        <translation>{household} 户正在选房，请先办完该户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not household {household}&apos;s turn (at the desk or next: {current})</source>
        <translation>现在不是 {household} 户选房（正在选房或下一户：{current}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {household} is not in this selection session</source>
        <translation>{household} 户不在本场选房名单中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {household} was not passed over, so it cannot be put back in the queue</source>
        <translation>{household} 户未过号，不能重新排队</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household} has finished its turn; it can no longer be changed</source>
        <translation>{household} 户已选房完毕，不能再更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a final call is not due now: the session has none, it was held already, or households are still waiting</source>
        <translation>现在不能末轮补叫：本场未设补叫、已经补叫过，或仍有家庭在等候叫号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} households are still waiting to be called: the session cannot close yet</source>
        <translation>仍有 {count} 户等候叫号，暂不能结束选房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} households were passed over: hold the final call before closing</source>
        <translation>有 {count} 户过号未选，结束前请先末轮补叫</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the status of flat {key} is set only by the selection session: a flat is chosen at the desk, and a chosen flat is freed only by revoking that choice</source>
        <translation>房源 {key} 的状态只能由选房会改变：房源在选房台选定，已选房源只能通过撤销该选房释放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flat {flat} has already been chosen by another household</source>
        <translation>房源 {flat} 已被其他家庭选定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flat {flat} is not available for selection</source>
        <translation>房源 {flat} 不可选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {household} may not take flat {flat}: its area of {area} m² is outside the household&apos;s band of {low}–{high} m², or its group may not choose it</source>
        <translation>{household} 户不能选房源 {flat}：其面积 {area} ㎡ 不在该户可选面积 {low}–{high} ㎡ 之内，或该户所在优先组不可选此房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household} has already chosen a flat</source>
        <translation>{household} 户已选定房源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>household {household} has no confirmed selection to revoke</source>
        <translation>{household} 户没有可撤销的选房结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the slip of household {household} was not printed: its price or entitlement differs from the one confirmed at the desk ({detail}); check the household&apos;s data</source>
        <translation>{household} 户的选房确认书未打印：其房价款或安置面积与选房台确认时不同（{detail}）；请核对该户数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>project {project} is not a rehearsal project: a rehearsal chooses flats at random, so it runs only on projects created with --rehearsal</source>
        <translation>项目 {project} 不是演练项目：演练会随机选房，只能在以 --rehearsal 创建的项目上运行</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{kind}” is not a public notice (notices: {allowed})</source>
        <translation>“{kind}”不是公示文件（公示文件：{allowed}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{kind}” cannot be printed this way (documents: {allowed})</source>
        <translation>“{kind}”不能这样打印（可打印：{allowed}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{value}” is not a SHA-256 (64 lower-case hex digits)</source>
        <translation>“{value}”不是 SHA-256（应为 64 位小写十六进制数字）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the objection period cannot end ({end}) before it starts ({start})</source>
        <translation>公示期的结束日（{end}）不能早于开始日（{start}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{kind} version {version} was registered meanwhile (by another workstation?): prepare the notice again, it will be version {next}</source>
        <translation>{kind} 第{version}版已在此期间登记（可能是另一台工作站）：请重新生成，新的一版为第{next}版</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>notice {kind} {version} has not been printed: print it before recording objections to it</source>
        <translation>公示 {kind} {version} 尚未打印：请先打印公示，再登记异议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no objection {number}</source>
        <translation>没有第 {number} 号异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an objection received on {received} cannot concern a notice posted on {start}</source>
        <translation>{received} 收到的异议不能针对 {start} 才张贴的公示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown decision “{outcome}” (decisions: {allowed})</source>
        <translation>未知的处理结果“{outcome}”（可选：{allowed}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>objection {number} has been decided already ({status}); a decision is not changed</source>
        <translation>第 {number} 号异议已处理（{status}），处理结果不能更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a decision dated {decided} cannot come before the objection, received on {received}</source>
        <translation>处理日期 {decided} 不能早于异议收到日期 {received}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>objection {number} was not upheld ({status}): there is nothing to correct</source>
        <translation>第 {number} 号异议未被认定成立（{status}），无需更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>objection {number} has been answered by an earlier version already</source>
        <translation>第 {number} 号异议已在之前的版本中更正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>objection {number} concerns another notice, not {kind}</source>
        <translation>第 {number} 号异议针对的是其他公示，不是 {kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing to print as {kind}: project {project} has no selection session yet, so no household has chosen a flat</source>
        <translation>无法打印 {kind}：项目 {project} 尚未进行现场选房，还没有任何户选房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household} has not chosen a flat: it has no agreement or slip yet</source>
        <translation>{household} 户尚未选房，还没有安置协议书和选房确认书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {household} chose {mode}, not money compensation: it has no money compensation agreement</source>
        <translation>{household}户选择的是{mode}，不是货币补偿，没有货币补偿协议</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the drawn order is empty: nothing to plan</source>
        <translation>摇号顺序为空：没有可安排的户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the plan has no batches</source>
        <translation>选房安排中没有批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household {code} appears twice in the order</source>
        <translation>户 {code} 在顺序中出现两次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minutes per household must be a whole number from 1 to {max} (found {value})</source>
        <translation>每户用时须为 1 至 {max} 的整数分钟（现为 {value}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a batch must have at least one household (found {value})</source>
        <translation>每批至少一户（现为 {value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batches a day must be at least 1 (found {value})</source>
        <translation>每天批数至少为 1（现为 {value}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a batch needs either a size or a priority group, not both</source>
        <translation>每批须给出户数或优先组别，二者只取其一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the break must end after it starts ({start} to {end})</source>
        <translation>休息时间的结束须晚于开始（{start} 至 {end}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no household is left for this batch: the batches before it take the whole order</source>
        <translation>本批已无户可排：前面的批次已排完全部顺序</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the batch is for group “{group}”, but the next household in the order (number {order_number}, {code}) is in “{found}”</source>
        <translation>本批为“{group}”组，但顺序中下一户（第 {order_number} 号，{code}）属于“{found}”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the batch of {on} would run past midnight: make it smaller or start it earlier</source>
        <translation>{on} 的批次将超过午夜：请减少户数或提早开始</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the batch starts at {start}, while batch {batch} of the same day runs until {end}</source>
        <translation>本批 {start} 开始，而同日第 {batch} 批要到 {end} 才结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} households from number {first} on are in no batch: add a batch or make one larger</source>
        <translation>自第 {first} 号起的 {count} 户未排入任何批次：请增加批次或扩大某批户数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household {code} is not in the drawn order, so it has no place in the plan</source>
        <translation>户 {code} 不在摇号顺序中，选房安排中没有它</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{value}” is not a date (write it like 2026-12-20)</source>
        <translation>“{value}”不是日期（请写成 2026-12-20 的形式）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{value}” is not a time of day (write it like 08:30)</source>
        <translation>“{value}”不是时刻（请写成 08:30 的形式）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>say how to cut the order: a first day and time with a batch size or by group, or a plan file</source>
        <translation>请说明如何分批：给出第一批的日期和时间及每批户数或按组分批，或给出安排文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the plan file is not valid JSON (line {line}, column {column})</source>
        <translation>选房安排文件不是有效的 JSON（第 {line} 行第 {column} 列）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the plan file {file} cannot be read</source>
        <translation>无法读取选房安排文件 {file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the session plan is fixed: a selection session is open on it, and households were told its windows</source>
        <translation>选房安排已固定：选房活动已按其开始，各户已收到其时段通知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the project has a stored session plan (version {version}): print without batch options to print it, or store a new version before the session opens (anju plan set)</source>
        <translation>本项目已保存选房安排（第{version}版）：不带分批选项打印即按其打印；如需更改，请在选房开始前保存新版本（anju plan set）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the project has no stored session plan: store one (anju plan set), or say how to cut the order: a first day and time with a batch size or by group, or a plan file</source>
        <translation>本项目尚未保存选房安排：请先保存（anju plan set），或说明如何分批：第一批的日期和时间加每批户数或按组分批，或给出安排文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the stored session plan (version {version}) was cut from a draw that no longer counts: store the plan again</source>
        <translation>已保存的选房安排（第{version}版）所依据的摇号结果已不再有效：请重新保存选房安排</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>project {project} has no voided selection session: there is no void notice to print</source>
        <translation>项目 {project} 没有已作废的选房活动，无作废公告可打印</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an intention must name at least one layout</source>
        <translation>选房意向须至少填写一种户型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the lowest floor wanted ({floor_min}) is above the highest ({floor_max})</source>
        <translation>意向最低楼层（{floor_min}）高于最高楼层（{floor_max}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number of flats wanted must be at least 1, not {flats}</source>
        <translation>意向套数至少为 1，不能为 {flats}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{field} names “{name}” twice</source>
        <translation>{field}中“{name}”重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chances need at least one replay, not {replays}</source>
        <translation>机会估算至少需要模拟 1 次，不能为 {replays}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the seed of the chances must be hexadecimal, not {value}</source>
        <translation>机会估算的种子须为十六进制数，不能为 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {households} households are not all judged under one area basis: their chances cannot be compared</source>
        <translation>这 {households} 户并非按同一计价面积口径核定，无法比较其选房机会</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the draw record&apos;s hash must be 64 hexadecimal digits, not {value}</source>
        <translation>摇号记录的哈希值须为 64 位十六进制数，不能为 {value}</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+97"/>
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
    <name>ModeBox</name>
    <message>
        <location filename="../rules/modes_editor.py" line="+56"/>
        <source>Subsidy</source>
        <extracomment>The keys of a value swap beyond the ones both modes share.</extracomment>
        <translation>补助名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percent of assessed value</source>
        <translation>补助比例（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 5: 5 % of the assessed value is paid on top of it</source>
        <translation>例如 5：在评估价值之外另付评估价值的 5%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New subsidy</source>
        <translation>新补助</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The policy&apos;s compensation items (tab Compensation) also paid in this mode, counted as in area mode. An item paying the home&apos;s value by its legal area would count the home twice beside its assessed value.</source>
        <translation>本方式另行计发的补偿补助项目（见“补偿补助”页），计算方法与按面积安置相同。按合法面积计发的房屋价值补偿不宜勾选：评估价值已含房屋价值，再计即重复补偿。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The &amp;transition allowance is paid too</source>
        <translation>另计过渡安置费(&amp;T)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subsidies, % of the assessed value:</source>
        <translation>补助（按评估价值的百分比计）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compensation items also counted:</source>
        <translation>计入的补偿项目：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>e.g. 0.5; empty: any</source>
        <translation>例如 0.5；留空：不限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A flat the value left does not cover in full (the last one) may be taken only if what is left is at least this share of its value, e.g. 0.5: half; empty: any share. Shops (non-residential layouts) are exempt.</source>
        <translation>剩余价值不足以抵付全部房价的一套（最后一套），须剩余价值不低于该套房屋价值的此比例方可选购，例如 0.5：一半；留空：不限。非住宅户型（商铺）不受此限。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 一室一厅</source>
        <translation>例如 一室一厅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layouts that may only be taken as the household&apos;s only flat, separated by commas; empty: none</source>
        <translation>只能作为该户唯一一套选购的户型，以逗号分隔；留空：无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 商铺</source>
        <translation>例如 商铺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layouts that are not homes, separated by commas: exempt from the share rule, their value counts like any flat&apos;s; empty: none</source>
        <translation>非住宅的户型，以逗号分隔：不受最后一套比例限制，房屋价值照常计入；留空：无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last flat: least share of its value left:</source>
        <translation>最后一套剩余价值比例：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layouts taken only alone:</source>
        <translation>只能单独选购的户型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-residential layouts (shops):</source>
        <translation>非住宅户型（商铺）：</translation>
    </message>
</context>
<context>
    <name>NestedRow</name>
    <message>
        <location filename="../rules/condition_builder.py" line="-66"/>
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
    <name>NotesTab</name>
    <message>
        <location filename="../casework/entries_tabs.py" line="-66"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add note</source>
        <translation>添加备注(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected note</source>
        <translation>删除所选备注</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../printing/objections_dialogs.py" line="+80"/>
        <source>Record an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>if the objector is a registered household</source>
        <translation>异议人为登记户时填写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. household D012, or line 5</source>
        <translation>例如：户号 D012，或第 5 行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notice:</source>
        <translation>公示：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objector:</source>
        <translation>异议人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household code:</source>
        <translation>户号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry objected to:</source>
        <translation>异议事项：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objection:</source>
        <translation>异议内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received on:</source>
        <translation>收到日期：</translation>
    </message>
</context>
<context>
    <name>Objections</name>
    <message>
        <location filename="../printing/objections_models.py" line="+34"/>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dismissed</source>
        <translation>不成立</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>starts {date}</source>
        <translation>{date} 开始公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>objection period over</source>
        <translation>公示期已结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days left in the objection period: {days}</source>
        <translation>公示期剩余 {days} 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version {version}</source>
        <translation>第{version}版</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>corrected in version {version}</source>
        <translation>已在第{version}版更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countdown</source>
        <translation>倒计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers objections</source>
        <translation>答复异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 of the PDF</source>
        <translation>PDF 的 SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objector</source>
        <translation>异议人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry</source>
        <translation>异议事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objection</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版次</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <location filename="../printing/objections_page.py" line="+57"/>
        <source>&amp;Record an objection…</source>
        <translation>登记异议(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Decide…</source>
        <translation>处理(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open objections only</source>
        <translation>只看待处理的异议</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Printed notices</source>
        <translation>已打印的公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{notices} printed notices · {open} open objections</source>
        <translation>已打印公示 {notices} 版 · 待处理异议 {open} 件</translation>
    </message>
</context>
<context>
    <name>OffersModel</name>
    <message>
        <location filename="../session/desk_models.py" line="+55"/>
        <source>Flat</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout</source>
        <translation>户型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facing</source>
        <translation>朝向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>± entitlement (m²)</source>
        <translation>面积差（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price to pay (yuan)</source>
        <translation>房价款（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement (yuan)</source>
        <translation>结算（元）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit value (yuan/m²)</source>
        <translation>单价（元/m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat&apos;s value (yuan)</source>
        <translation>房源价值（元）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>± entitlement, all (m²)</source>
        <translation>合计面积差（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price, all flats (yuan)</source>
        <translation>合计房价款（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settlement, all (yuan)</source>
        <translation>合计结算（元）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>What the household pays for the flat under the frozen rules: the entitlement at the base price, the area above it by tiers, a refund below it</source>
        <translation>按已冻结的方案，本户为该房应付的房价款：安置面积内按基准价，超出部分分档计价，不足部分退还</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compensation minus the price: positive is paid to the household, negative is paid by it</source>
        <translation>补偿款减房价款：正数支付给本户，负数由本户支付</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <location filename="../session/desk_dialogs.py" line="-168"/>
        <source>Open the selection session</source>
        <translation>开启现场选房</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call the passed-over households once more before closing</source>
        <translation>结束前对过号户再补叫一次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every household of the draw&apos;s final order gets a turn, in that order. The settings cannot be changed later.</source>
        <translation>摇号最终顺序中的每一户按顺序轮候选房。设置开启后不能更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time per household:</source>
        <translation>每户选房时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls before moving to the end:</source>
        <translation>过号前呼叫次数：</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <location filename="../rules/policy_editor.py" line="+99"/>
        <source>e.g. 2026-11-01, version 1</source>
        <translation>例如：2026年11月1日 第1版</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 2026-11-01</source>
        <translation>如 2026-11-01</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference date: the day on which every age, duration and date condition is judged, e.g. the day the expropriation decision was announced. The pool, the desk and every paper count ages to this day. Required before freezing.</source>
        <translation>计算基准日：计算年龄、年限及各项日期条件所依据的日期，如房屋征收决定公告之日。摇号名单、现场选房和各类文书均按此日计算年龄。冻结前必须填写。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Policy &amp;name:</source>
        <translation>方案名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version note:</source>
        <translation>版本说明：</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Reference &amp;date:</source>
        <translation>计算基准日(&amp;D)：</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <source>Compensation modes</source>
        <translation>补偿方式</translation>
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
        <location line="+1"/>
        <source>Ma&amp;ximum area (m²):</source>
        <translation>最高安置面积(&amp;X)（m²）：</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+1"/>
        <source>Flats per household, at most:</source>
        <translation>每户最多可选套数：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: any number</source>
        <translation>留空：不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More than one flat from (m²):</source>
        <translation>可选购多套的安置面积（平方米）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: every household</source>
        <translation>留空：所有家庭</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only households entitled to at least this area may take more than one flat (安置面积达到…平方米的可选购多套); the others take one.</source>
        <translation>安置面积达到该面积的家庭方可选购多套，其他家庭限选1套。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The entitlement never exceeds this, after extra area and the minimum (安置面积最高不超过…).</source>
        <translation>计入增加面积和保底面积后，安置面积最高不超过此数（安置面积最高不超过…平方米）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The minimum area is for households that meet</source>
        <translation>保底面积适用于符合以下条件的家庭</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+6"/>
        <source>Person categories: members who count another area (first match wins)</source>
        <translation>人口类别：符合条件的成员另按类别面积计算（按顺序取第一个符合的类别）</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+160"/>
        <source>Counted</source>
        <translation>计算单位</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>New extra area</source>
        <translation>新增加面积项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household condition</source>
        <translation>家庭条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+163"/>
        <source>Members counted</source>
        <translation>计入的成员</translation>
    </message>
    <message>
        <location line="-162"/>
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
        <location line="+2"/>
        <source>Ends by share of legal area</source>
        <translation>不超过原合法面积比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 0.1: the tier ends at 10 % of the original legal area over the entitlement if that comes before its end, and the next tier starts there; empty: at its end. Not on the last tier.</source>
        <translation>例如 0.1：超出安置面积的部分达到原合法面积的10%即止于此（早于本档终点时），下一档从此处开始；留空：至本档终点。最后一档不可填写。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>First floor</source>
        <translation>起始楼层</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>Last floor</source>
        <translation>终止楼层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added to the unit price of these floors, e.g. 100; negative takes off, e.g. -50</source>
        <translation>这些楼层的单价每平方米加上此数，如 100；负数为减，如 -50</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Orientation</source>
        <translation>朝向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the flats list writes it, e.g. 南北</source>
        <translation>与房源表所填朝向一致，如 南北</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>South-north</source>
        <translation>南北</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Floor increments</source>
        <translation>楼层差价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orientation coefficients</source>
        <translation>朝向系数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unit price = price × floor coefficient × orientation coefficient + floor increment, to the fen.</source>
        <translation>单价＝价格×楼层系数×朝向系数＋楼层差价，四舍五入到分。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tiers of area over the entitlement, from 0 up to the cap, end to end (a price or a factor each)</source>
        <translation>超出安置面积部分的价格档次：从 0 至上限，首尾相接（每档填单价或倍数之一）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Round-up (就近上靠): one flat over by at most</source>
        <translation>就近上靠：单套超出不超过</translation>
    </message>
    <message>
        <location line="+193"/>
        <source>A household called at its place that does not come (过号) is called again here; absent a second time, it waits for the final call</source>
        <translation>叫号未到场的家庭（过号）在此再次叫号；再次未到场的，待末轮补叫</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Absent after its calls, called again:</source>
        <translation>过号（叫号未到场）后再次叫号：</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Floor coefficients</source>
        <translation>楼层系数</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+14"/>
        <source>Factor</source>
        <translation>系数</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>± yuan/m²</source>
        <translation>±元/m²</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The area of each flat that is laid against the entitlement and priced: its building area (建筑面积) or its inner area (套内建筑面积)</source>
        <translation>每套房源与安置面积相比并计价的面积：建筑面积或套内建筑面积</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 0.12</source>
        <translation>如 0.12</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inner area only: a flat without an inner area in the flats list counts its building area × (1 − this share), e.g. 0.12 for 12 % shared area (公摊); empty: such a flat cannot be priced</source>
        <translation>仅按套内建筑面积计价时适用：房源表未注明套内面积的房源按建筑面积×（1－公摊比例）计，如公摊12%填0.12；留空：此类房源不能计价</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+11"/>
        <location line="+75"/>
        <source>empty: none</source>
        <translation>留空：无</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Taken off the price of a household that takes exactly one flat (单套奖励); property exchange by area only</source>
        <translation>只选购一套房源的被安置户从房价款中减去此数（单套奖励）；仅限产权调换（按面积）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Area &amp;counted:</source>
        <translation>计价面积(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared share if no inner area:</source>
        <translation>无套内面积的公摊比例：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Single-flat bonus (yuan):</source>
        <translation>单套奖励（元）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A household taking one flat whose area is over its entitlement by no more than this pays the whole excess at the round-up price instead of the tiers; further over, the tiers apply to all of it</source>
        <translation>选购单套房源、面积超出安置面积不超过此数的，超出部分全部按就近上靠价计算，不分档；超出更多的，全部超出部分仍按各档计算</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>m², the whole excess at</source>
        <translation>m²的，超出部分按</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yuan/m² or base price ×</source>
        <translation>元/m²或基准价×</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <source>Paid</source>
        <translation>计发方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per move (搬迁费): twice for property exchange (through transition housing or own transition), once for money compensation; or own transition once</source>
        <translation>按搬迁次数计发（搬迁费）：产权调换的计两次（周转用房过渡或自行过渡），货币补偿的计一次；或自行过渡计一次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New item</source>
        <translation>新补偿项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid when the household meets</source>
        <translation>发放条件（家庭）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per person or certificate: count only members who meet</source>
        <translation>按人或按证计算：只计符合以下条件的成员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Transition allowance</source>
        <translation>过渡安置费(&amp;T)</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+2"/>
        <source>Counting:</source>
        <translation>计人范围：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share in transition housing:</source>
        <translation>周转用房过渡计发比例：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The share of the allowance a household lent transition housing (周转用房) gets: empty or 0 none, 1 all of it, e.g. 0.5 half</source>
        <translation>在周转用房过渡的家庭计发过渡安置费的比例：空或0为不计发，1为全额，例如0.5为一半</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Business loss of non-residential homes</source>
        <translation>非住宅停产停业损失(&amp;B)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>停产停业损失: paid to a household whose old home was used for business (非住宅)</source>
        <translation>停产停业损失：支付给原房屋为非住宅（经营用房）的被安置户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Percent of the assessed value:</source>
        <translation>按评估价值的百分比：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 5</source>
        <translation>例如 5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or yuan per m² and month:</source>
        <translation>或每平方米每月（元）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for months:</source>
        <translation>计月数：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Offer &amp;value swap (by value)</source>
        <translation>提供价值互换(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offer &amp;money compensation</source>
        <translation>提供货币补偿(&amp;M)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Property exchange by area (the other tabs) is always offered. A mode checked here is offered too: it starts from the household&apos;s assessed value (评估价值) and adds its subsidies, the items ticked and, if ticked, the transition allowance.</source>
        <translation>按面积产权调换（其他各页）始终提供。在此勾选的方式一并提供：以该户评估价值为基础，加上所列补助、勾选的补偿项目，勾选时另加过渡安置费。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Whose ages and conditions the rule reads, and whom it counts per person: the recognised members (认定人口) or every registered member (家庭成员)</source>
        <translation>本条规则按哪些人计算年龄、情形和人数：认定人口，或全部在册家庭成员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Members</source>
        <translation>计人范围</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+2"/>
        <source>New group</source>
        <translation>新优先组</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../rules/policy_history.py" line="+34"/>
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
        <location filename="messages.py" line="-94"/>
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
        <source>households the minimum is for</source>
        <translation>保底适用家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maximum area</source>
        <translation>最高安置面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flats per household</source>
        <translation>每户可选套数</translation>
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
        <source>floor increments</source>
        <translation>楼层差价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orientation coefficients</source>
        <translation>朝向系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orientation</source>
        <translation>朝向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends at a share of legal area</source>
        <translation>按原合法面积比例截止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>area counted</source>
        <translation>计价面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shared-area share</source>
        <translation>公摊比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single-flat bonus</source>
        <translation>单套奖励</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>round-up</source>
        <translation>就近上靠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to</source>
        <translation>上靠面积</translation>
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
        <source>paid per move</source>
        <translation>按搬迁次数计发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moves in own transition</source>
        <translation>自行过渡搬迁次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share in transition housing</source>
        <translation>周转用房过渡计发比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>business loss</source>
        <translation>停产停业损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per m² and month</source>
        <translation>每平方米每月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value swap</source>
        <translation>价值互换</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>money compensation</source>
        <translation>货币补偿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subsidies</source>
        <translation>补助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>percent</source>
        <translation>补助比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compensation items counted</source>
        <translation>计入的补偿项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the last flat&apos;s value</source>
        <translation>最后一套剩余价值比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layouts taken only alone</source>
        <translation>只能单独选购的户型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>non-residential layouts</source>
        <translation>非住宅户型（商铺）</translation>
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
        <source>subsidy {n}</source>
        <translation>第{n}项补助</translation>
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
        <location filename="../rules/policy_words.py" line="+16"/>
        <source>registered members</source>
        <translation>登记人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>recognised members</source>
        <translation>认定人口</translation>
    </message>
    <message>
        <location line="-69"/>
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
        <location line="+1"/>
        <source>old home use</source>
        <translation>原房屋用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waits in transition housing</source>
        <translation>在周转用房过渡</translation>
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
        <location line="+5"/>
        <source>once</source>
        <translation>一次性计发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per move</source>
        <translation>按搬迁次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per move, own transition once</source>
        <translation>按次数，自行过渡计一次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>building area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inner area</source>
        <translation>套内建筑面积</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>all registered members</source>
        <translation>全部家庭成员</translation>
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
        <source>residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>non-residential</source>
        <translation>非住宅</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at the end of its batch</source>
        <translation>移至本批次末尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at the end of the next batch</source>
        <translation>移至下一批次末尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only in the final call at the close</source>
        <translation>仅在全部批次结束后末轮补叫</translation>
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
    <name>Printing</name>
    <message>
        <location filename="../printing/documents.py" line="+93"/>
        <source>Household notice</source>
        <extracomment>The chances sheets and the office&apos;s supply and demand report (issue 14). The Printouts page&apos;s kinds: the public notices (the schedule among them: it prints the stored plan), the households&apos; papers, statistics and the chances papers. With the session plan&apos;s appointment notices, which may be cut from a request before a plan is stored (``PrintRequest.plan``, the CLI&apos;s plan options): not on the page. One section per household: ``--household`` and ``--split`` apply to these. The word in a split file&apos;s name: D001-agreement.pdf.</extracomment>
        <translation>被安置户公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housing stock notice</source>
        <translation>房源公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation rules notice</source>
        <translation>分房方案公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lottery list notice</source>
        <translation>摇号名单公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lottery result notice</source>
        <translation>摇号结果公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation result notice</source>
        <translation>分房结果公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supply and demand notice</source>
        <translation>选房意向及房源供需情况公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day&apos;s selection results notice</source>
        <translation>当日选房结果公告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection session void notice</source>
        <translation>选房活动作废公告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection schedule</source>
        <translation>选房时间安排表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resettlement agreements</source>
        <translation>安置协议书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money compensation agreements</source>
        <translation>货币补偿协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection confirmation slips</source>
        <translation>选房确认书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household explanation sheets</source>
        <translation>分户明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>安置统计表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chances sheets (estimate)</source>
        <translation>选房机会估算单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supply and demand report (internal)</source>
        <translation>人房供需情况分析表（内部）</translation>
    </message>
</context>
<context>
    <name>PrintoutsPage</name>
    <message>
        <location filename="../printing/printouts_page.py" line="-354"/>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publications and objections</source>
        <translation>公示与异议</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../registry/problems_view.py" line="+23"/>
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
    <name>ProgressPage</name>
    <message>
        <location filename="../casework/progress_page.py" line="+101"/>
        <source>Daily report</source>
        <translation>日通报</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Requests</source>
        <translation>诉求建议</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Household progress</source>
        <translation>每户进度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supply and demand</source>
        <translation>人房供需</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session days</source>
        <translation>选房日情况</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Print daily report…</source>
        <translation>打印日通报(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Teams and staff…</source>
        <translation>工作组和人员(&amp;T)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the progress table…</source>
        <translation>导出进度表…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the case log…</source>
        <translation>导出一户一档…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import visits…</source>
        <translation>导入走访记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the visits template…</source>
        <translation>保存走访记录模板…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team:</source>
        <translation>工作组：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed today</source>
        <translation>当日签约</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+65"/>
        <location line="+4"/>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Signed %</source>
        <translation>签约率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved out today</source>
        <translation>当日搬迁</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+65"/>
        <source>Moved out</source>
        <translation>已搬迁</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Requests today</source>
        <translation>当日收到诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered today</source>
        <translation>当日答复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting</source>
        <translation>待答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over {days} days</source>
        <translation>超过{days}日</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Signed and moved out per week</source>
        <translation>每周签约、搬迁户数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Households per team</source>
        <translation>各工作组签约户数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not signed yet</source>
        <translation>未签约</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>By the end of {day}: {signed} of {households} households signed ({rate} %), {signed_today} today; {moved} moved out, {moved_today} today. {received} requests came in today and {answered} were answered; {waiting} are waiting, {overdue} of them for more than {days} days.</source>
        <translation>截至 {day}：{households} 户中已签约 {signed} 户（{rate}%），当日签约 {signed_today} 户；已搬迁 {moved} 户，当日搬迁 {moved_today} 户。当日收到诉求和建议 {received} 件，答复 {answered} 件；尚待答复 {waiting} 件，其中超过 {days} 日的 {overdue} 件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>All teams</source>
        <translation>全部工作组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No team</source>
        <translation>未分组</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <location filename="../casework/case_log_dialog.py" line="+106"/>
        <source>Signing is stored with the household (its signing order is the next number); a flat is chosen at the selection session.</source>
        <translation>签约登记在户信息中（签约顺序号自动取下一个号）；房源在现场选房时选定。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Take back</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{day} (order {seq})</source>
        <translation>{day}（签约顺序号 {seq}）</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../shell/project_dialog.py" line="+25"/>
        <source>Project name and title</source>
        <translation>项目简称和名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. dh2 or 东湖二期</source>
        <translation>例如 dh2 或 东湖二期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 东湖片区二期安置项目</source>
        <translation>例如 东湖片区二期安置项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Short name:</source>
        <translation>项目简称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title on papers:</source>
        <translation>文书上的项目名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commands and the project list use the short name (--project NAME). Every notice, agreement and slip is headed with the title, written out in Chinese; without one, with the short name.</source>
        <translation>命令和项目列表使用简称（--project 简称）。各类公示、协议书和确认书的抬头印项目名称，请用中文写全；未填写的，印简称。</translation>
    </message>
</context>
<context>
    <name>ProxyDialog</name>
    <message>
        <location filename="../session/desk_dialogs.py" line="+20"/>
        <source>Proxy for household {code}</source>
        <translation>{code} 户的委托代理人</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>18 characters, as on the ID card</source>
        <translation>18 位，与身份证一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the written authorisation and both ID cards before recording a proxy.</source>
        <translation>登记代理人前，请核验书面委托书及双方身份证。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove proxy</source>
        <translation>取消代理</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proxy&apos;s name:</source>
        <translation>代理人姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy&apos;s ID number:</source>
        <translation>代理人身份证号：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter the proxy&apos;s name.</source>
        <translation>请填写代理人姓名。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="catalogue.py" line="+29"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-9"/>
        <source>&amp;Look in:</source>
        <extracomment>Qt&apos;s own texts that Qt&apos;s Chinese catalogues lack, translated in ours (under Qt&apos;s contexts, so lupdate files them there). Qt 6 renamed the file dialog&apos;s labels (mnemonics added) and moved the file types to QAbstractFileIconProvider; qtbase_zh_CN.qm and qt_zh_CN.qm still hold the Qt 5 sources, so the non-native file dialog read &quot;&amp;Look in:&quot;, &quot;Files of &amp;type:&quot; and &quot;Folder&quot;. A translator with no answer passes the text on, so these are asked of ours when qtbase_zh_CN has none.</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location line="+10"/>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message>
        <location filename="../rules/record_table.py" line="+132"/>
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
    <name>RecordWords</name>
    <message>
        <location filename="record_words.py" line="+21"/>
        <source>created</source>
        <extracomment>What an audit event did (its ``action``).</extracomment>
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
        <location line="+2"/>
        <source>set</source>
        <translation>设定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>let through with a reason</source>
        <translation>说明理由后放行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>published</source>
        <translation>发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>superseded</source>
        <translation>被新版取代</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sources announced</source>
        <translation>公告摇号来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drawn</source>
        <translation>摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opened</source>
        <translation>开启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resumed</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed over</source>
        <translation>过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved to the end</source>
        <translation>移至队尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>final call</source>
        <translation>最后叫号</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>放弃选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chose</source>
        <translation>选定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proxy recorded</source>
        <translation>登记代理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put back in the queue</source>
        <translation>重新排队</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reassigned</source>
        <translation>改派</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decided</source>
        <translation>处理</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+94"/>
        <source>project</source>
        <extracomment>The kind of record an audit event is about (its ``entity``).</extracomment>
        <translation>项目</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>witnessed chain head</source>
        <translation>见证链头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session plan</source>
        <translation>选房安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>household</source>
        <translation>被安置户</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>imported households</source>
        <translation>被安置户（批量导入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <location line="+1"/>
        <source>flat</source>
        <translation>房源</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>rules</source>
        <translation>安置方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <location line="+1"/>
        <source>lottery pool</source>
        <translation>摇号名单</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+43"/>
        <source>draw</source>
        <translation>摇号</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+115"/>
        <source>team</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assignment</source>
        <translation>包户分工</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case flag</source>
        <translation>个案标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>case note</source>
        <translation>个案备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>progress step</source>
        <translation>进度步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>selection intention</source>
        <translation>选房意向</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+97"/>
        <location line="+1"/>
        <source>selection session</source>
        <translation>选房会</translation>
    </message>
    <message>
        <location line="-97"/>
        <location line="+105"/>
        <source>selection turn</source>
        <translation>选房顺序</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>selection</source>
        <translation>选房结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>active</source>
        <extracomment>Fields of logged states that the fields&apos; table (FIELD_NAMES) does not name.</extracomment>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time announced</source>
        <translation>公告时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>announced by</source>
        <translation>公告人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered in notice</source>
        <translation>答复所在公示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date assigned</source>
        <translation>分工日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>author</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>call round</source>
        <translation>叫号轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time called</source>
        <translation>叫号时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>calls</source>
        <translation>叫号次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chain head</source>
        <translation>链头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change number</source>
        <translation>变更序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draw hash</source>
        <translation>摇号记录哈希</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entitlement</source>
        <translation>安置面积标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entries</source>
        <translation>名单条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>entries hash</source>
        <translation>名单条目哈希</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>final call held</source>
        <translation>已最后叫号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time finished</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first staff member</source>
        <translation>第一责任人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>flat&apos;s full number</source>
        <translation>房号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat of the household (1, 2, …)</source>
        <translation>本户第几套（1、2……）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time frozen</source>
        <translation>冻结时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frozen by</source>
        <translation>冻结人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>group</source>
        <translation>组别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rank in group</source>
        <translation>组内顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last sign of life</source>
        <translation>最近在线时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date held</source>
        <translation>举行日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household code</source>
        <translation>户号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>members&apos; conditions</source>
        <translation>成员特殊情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>members</source>
        <translation>人口数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new members</source>
        <translation>新增人口数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time opened</source>
        <translation>开启时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opened by</source>
        <translation>开启人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order number</source>
        <translation>顺序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password (hashed)</source>
        <translation>密码（哈希）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end of period</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start of period</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place</source>
        <translation>位次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rules hash</source>
        <translation>方案哈希</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pool hash</source>
        <translation>名单哈希</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>members&apos; order</source>
        <translation>家庭成员顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>price total</source>
        <translation>房价合计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>published by</source>
        <translation>发布人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recognised members</source>
        <translation>认定人口数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record hash</source>
        <translation>记录哈希</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rehearsal</source>
        <translation>演练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason for revoking</source>
        <translation>撤销理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time revoked</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked by</source>
        <translation>撤销人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time voided</source>
        <translation>作废时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voided by</source>
        <translation>作废人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason for voiding</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sealed hash</source>
        <translation>封存哈希</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>search text</source>
        <translation>检索文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>second staff member</source>
        <translation>第二责任人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time chosen</source>
        <translation>选定时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>public sources</source>
        <translation>公开随机来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>witnesses</source>
        <translation>见证人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date written</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batches</source>
        <translation>各批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved by</source>
        <translation>保存人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>venue</source>
        <translation>选房地点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fields recorded</source>
        <translation>记录的字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file imported</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>households</source>
        <translation>被安置户</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its hash does not match its content</source>
        <extracomment>What `anju audit verify` found (ChainBreak.reason and DataMismatch.reason in db.replay).</extracomment>
        <translation>其哈希与内容不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it does not link to the event before it</source>
        <translation>未链接到前一事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an event is missing</source>
        <translation>缺少一个事件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the chain head does not match the newest event</source>
        <translation>链头与最新事件不符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed outside Anju</source>
        <translation>在安居之外被改动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the log says it exists, but it is gone</source>
        <translation>日志记载存在，但已不见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no logged event created it</source>
        <translation>没有日志事件创建它</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>short name</source>
        <extracomment>Fields whose word depends on the record: FIELD_NAMES reads ``name`` as a person&apos;s name (姓名), which a project&apos;s, a user&apos;s or a team&apos;s name is not.</extracomment>
        <translation>项目简称</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team name</source>
        <translation>工作组名称</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>household member</source>
        <extracomment>Tables whose rows are no audit entity of their own (their entity&apos;s word names the rest).</extracomment>
        <translation>家庭成员</translation>
    </message>
</context>
<context>
    <name>RequestsList</name>
    <message>
        <location filename="../casework/lists.py" line="+36"/>
        <source>any age</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests and suggestions</source>
        <translation>诉求和建议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only those waiting for an answer</source>
        <translation>只看待答复的</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code</source>
        <translation>户号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>已等待天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Older than:</source>
        <translation>等待超过：</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{count} shown</source>
        <translation>显示 {count} 件</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <location filename="../casework/requests_tabs.py" line="-122"/>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answered by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;nswer</source>
        <translation>答复(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lose</source>
        <translation>办结(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer to the selected</source>
        <translation>答复所选</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../printing/objections_dialogs.py" line="+25"/>
        <source>Decide objection {number}</source>
        <translation>处理第 {number} 号异议</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Upheld: the next version corrects the notice</source>
        <translation>成立：下一版公示予以更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismissed</source>
        <translation>不成立</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Objection:</source>
        <translation>异议：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided on:</source>
        <translation>处理日期：</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../session/desk_dialogs.py" line="+46"/>
        <source>Revoke the selection of household {code}</source>
        <translation>撤销 {code} 户的选房</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flat {flat} returns to the stock and household {code} is called again next. The revocation, its reason and the supervisor are recorded in the audit log; the slip already printed stays void.</source>
        <translation>{flat} 号房退回房源，{code} 户下一个重新呼叫。撤销、原因及监督人记入审计日志；已打印的确认书作废。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why is the selection revoked?</source>
        <translation>撤销选房的原因？</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor:</source>
        <translation>监督人：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A revocation needs a reason and a supervisor.</source>
        <translation>撤销须填写原因和监督人。</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../rules/rules_page.py" line="+151"/>
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
        <location line="+52"/>
        <source>{project} allocation rules</source>
        <translation>{project}分房方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households without priority</source>
        <translation>非优先家庭</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The rules are complete and consistent.</source>
        <translation>规则完整、一致，可以保存。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{count} problem(s): fix them before saving (click one to go there).</source>
        <translation>发现 {count} 个问题，改正后才能保存（点击问题可跳到相应位置）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frozen rules are read-only; to change them, supersede them with a new version.</source>
        <translation>已冻结的规则只读；如需修改，请以新版本替代。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rules are consistent and may be saved; before freezing:</source>
        <translation>方案内容一致，可以保存；冻结前还需：</translation>
    </message>
    <message>
        <location line="+29"/>
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
        <location line="+8"/>
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
        <location filename="../rules/rules_preview.py" line="+89"/>
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
        <location line="-77"/>
        <source>The rules have problems (see the list): the preview waits until they are fixed.</source>
        <translation>规则有问题（见问题列表）：改正后才能预览。</translation>
    </message>
    <message>
        <location line="+137"/>
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
    <name>SessionDaysTab</name>
    <message>
        <location filename="../casework/session_days_tab.py" line="+43"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>第几日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chose</source>
        <translation>当日选房户数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flats taken</source>
        <translation>当日选定套数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>当日未到场</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Took none</source>
        <translation>到场未选</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chosen so far</source>
        <translation>累计选房户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remaining</source>
        <translation>尚待选房</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flats left</source>
        <translation>剩余房源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layout</source>
        <translation>户型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flats</source>
        <translation>房源（套）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken that day</source>
        <translation>当日选定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken so far</source>
        <translation>累计选定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No selection session has begun by this day: each of its days appears here at its close.</source>
        <translation>截至该日尚未开始现场选房；选房开始后，每日选房结束时的情况显示在这里。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Day {number} of the session ({day}): {chose} households chose {flats} flats, {absent} called did not come. By its close {chosen} of {households} households had chosen and {remaining} remain; {left} of {total} flats are left.</source>
        <translation>现场选房第{number}日（{day}）：当日选房{chose}户，选定房源{flats}套，叫号未到场{absent}户。截至当日选房结束，{households}户中已选房{chosen}户，尚待选房{remaining}户；房源{total}套，剩余{left}套。</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../session/session_page.py" line="+127"/>
        <source>Call</source>
        <extracomment>The session moved on at another workstation (its pulse moved with no act of this desk): what is counted elsewhere on this screen (the status bar&apos;s flats available) is stale too, as no write of this app said so.</extracomment>
        <translation>呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not here</source>
        <translation>不在场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proxy…</source>
        <translation>代理人…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm flat…</source>
        <translation>确认选房…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take flat</source>
        <translation>选入此套</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put back</source>
        <translation>退回一套</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes no flat…</source>
        <translation>不选房…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+476"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-475"/>
        <source>Back in the queue</source>
        <translation>补回队尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print slip</source>
        <translation>打印确认书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final call…</source>
        <translation>末轮补叫…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close session…</source>
        <translation>结束选房…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open session…</source>
        <translation>开启选房…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hall display…</source>
        <translation>大屏…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desk window</source>
        <translation>独立窗口</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Nobody is waiting: hold the final call or close the session.</source>
        <translation>已无等候户：请末轮补叫或结束选房。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Household {code} did not come: {state}.</source>
        <translation>{code} 户未到场：{state}。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>F6 then passes it over: it moves to the end of the queue, to be called again when its new place comes.</source>
        <translation>再按 F6 即过号：该户移到队尾，轮到新位置时再叫。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F6 then skips it: out of the queue until the final call.</source>
        <translation>再按 F6 即视为不在场：退出队列，待最后呼叫时再叫。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Household {code} not here: call {n} of {limit}, the last. {then}</source>
        <translation>{code} 户不在场：第{n}次呼叫（共{limit}次），已是最后一次。{then}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household {code} not here: call {n} of {limit}; F6 calls again. After call {limit}: {then}</source>
        <translation>{code} 户不在场：第{n}次呼叫（共{limit}次），按 F6 再次呼叫。第{limit}次呼叫后：{then}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Choose a flat first (arrow keys or a click), then press Enter.</source>
        <translation>请先选定房源（方向键或鼠标），再按回车。</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+11"/>
        <source>Confirm the selection</source>
        <translation>确认选房</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a flat first (arrow keys or a click), then press F4.</source>
        <translation>请先选择房源（方向键或单击），再按 F4。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flat {flat} taken; choose the next one, or press Enter to confirm the flats taken.</source>
        <translation>已选入房源 {flat}；请选择下一套，或按 Enter 确认已选房源。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Flat {flat} put back.</source>
        <translation>房源 {flat} 已退回。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Flat {flat} may be taken: choose it in the list.</source>
        <translation>房源 {flat} 可以选购：请在列表中选择。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flat {flat} is refused: {reason}</source>
        <translation>房源 {flat} 不予选购：{reason}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Final call</source>
        <translation>末轮补叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call every passed-over household once more, in order, at the end of the queue?</source>
        <translation>按顺序在队尾对所有过号户再补叫一次？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close the session</source>
        <translation>结束选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the selection session? Households still passed over are recorded as absent, and nobody can be called any more.</source>
        <translation>结束本场选房？仍为过号的户记为未到场，此后不能再呼叫。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Slip {number} printed; its PDF is kept in {path}</source>
        <translation>确认书 {number} 已打印；PDF 保存在 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No printer is set up on this computer: slip {number} was not sent to a printer. Its PDF was saved to {path}; print it from there, or with Ctrl+P once a printer is set up.</source>
        <translation>本机未设置打印机：确认书 {number} 未发送到打印机。PDF 已保存到 {path}；可从该文件打印，或设置打印机后按 Ctrl+P 打印。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing cancelled: slip {number} was not printed. Its PDF was saved to {path}; Ctrl+P prints it.</source>
        <translation>已取消打印：确认书 {number} 未打印。PDF 已保存到 {path}；按 Ctrl+P 可打印。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer could not be opened: slip {number} was not printed. Its PDF was saved to {path}; Ctrl+P tries again.</source>
        <translation>无法打开打印机：确认书 {number} 未打印。PDF 已保存到 {path}；按 Ctrl+P 重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slip {number} written: {path}</source>
        <translation>确认书 {number} 已保存：{path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The slip was not printed: {reason}. The selection is saved; print the slip again with Ctrl+P.</source>
        <translation>确认书未打印：{reason}。选房已保存；可按 Ctrl+P 重新打印。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>SessionWords</name>
    <message>
        <location filename="../session/session_words.py" line="+27"/>
        <source>waiting</source>
        <translation>等候</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at the desk</source>
        <translation>选房中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat chosen</source>
        <translation>已选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>passed over</source>
        <translation>过号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moved to the end</source>
        <translation>已移至队尾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>absent</source>
        <translation>未到场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>took no flat</source>
        <translation>不选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>revoked, to choose again</source>
        <translation>已撤销，待重选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No. {number}</source>
        <translation>第 {number} 号</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../common/settings.py" line="+40"/>
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
    <message>
        <location line="+3"/>
        <source>Flat table column widths</source>
        <translation>房源表的列宽</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last backup written by hand</source>
        <translation>上次手动备份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Witness file</source>
        <translation>见证文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Selection desk panel widths</source>
        <translation>选房台各栏宽度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rules page editor and preview widths</source>
        <translation>规则页编辑区与预览区宽度</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../shell/main_window.py" line="+19"/>
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
    <name>SignInDialog</name>
    <message>
        <location filename="../admin/sign_in.py" line="+36"/>
        <source>Create the administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to Anju</source>
        <translation>登录安居</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database has no users yet. Create the administrator, who then adds the operators, supervisors and observers (Settings › Users). Keep the password safe: nobody can read it back.</source>
        <translation>此数据库还没有用户。请先创建系统管理员，再由其添加经办人、主管和观察员（设置 › 用户）。请妥善保管密码：任何人都无法读出密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SignedInBar</name>
    <message>
        <location line="+30"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change is recorded in the audit log as {name}&apos;s</source>
        <translation>此后每项操作都以 {name} 的名义记入审计日志</translation>
    </message>
</context>
<context>
    <name>SupplyDemandTab</name>
    <message>
        <location filename="../casework/supply_demand_tab.py" line="+43"/>
        <source>Layout</source>
        <translation>户型</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+60"/>
        <source>Flats available</source>
        <translation>可选房源</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>May take it</source>
        <translation>可选户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Want it first</source>
        <translation>首选户数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flats wanted</source>
        <translation>意向套数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balance</source>
        <translation>余缺</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Shortage</source>
        <translation>缺口</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Rank</source>
        <translation>顺位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Group</source>
        <translation>优先组</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flats it may take</source>
        <translation>限选房源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flats allowed</source>
        <translation>限内房源</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Supply and demand are counted under the frozen rules: freeze them first.</source>
        <translation>人房供需按已冻结的规则统计：请先冻结规则。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Flats against first wishes, per layout</source>
        <translation>各户型房源与首选户数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Households wanting it first</source>
        <translation>首选户数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{known} of {households} households have stated an intention; {unknown} are unknown.</source>
        <translation>{households} 户中已登记选房意向 {known} 户，未知 {unknown} 户。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wanted first by more households than there are flats: {layouts}.</source>
        <translation>首选户数多于房源的户型：{layouts}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Groups with fewer flats allowed than households: {groups}.</source>
        <translation>限内房源少于户数的优先组：{groups}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <source>short by {count}</source>
        <translation>缺 {count}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>TakenFlats</name>
    <message>
        <location filename="../session/taken_flats.py" line="+50"/>
        <source>This household may take up to {most} flats: choose one and press F4 to take it, then the next; Enter confirms them all.</source>
        <translation>本户最多可选购{most}套房源：选择一套后按 F4 选入，再选下一套；按 Enter 一并确认。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Flats taken so far: {count} of at most {most}&lt;/b&gt;</source>
        <translation>&lt;b&gt;已选入房源：{count}套（最多{most}套）&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{number}. &lt;b&gt;{flat}&lt;/b&gt;: {lines} → {amount} yuan</source>
        <translation>{number}. &lt;b&gt;{flat}&lt;/b&gt;：{lines} → {amount}元</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Area {area} m² · value of the flats {price} yuan · settlement so far &lt;b&gt;{settlement}&lt;/b&gt; yuan</source>
        <translation>面积{area}平方米 · 房源价值{price}元 · 目前结算&lt;b&gt;{settlement}&lt;/b&gt;元</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Area used {used} m² of {entitlement} m² entitlement, {left} m² left · price {price} yuan · settlement so far &lt;b&gt;{settlement}&lt;/b&gt; yuan</source>
        <translation>已用面积{used}平方米（安置面积{entitlement}平方米，尚余{left}平方米） · 房价款{price}元 · 目前结算&lt;b&gt;{settlement}&lt;/b&gt;元</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>within entitlement</source>
        <translation>安置面积内</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>beyond the cap</source>
        <translation>超出上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>round-up</source>
        <translation>就近上靠</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>area not taken, refunded</source>
        <translation>面积不足退还</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single-flat bonus</source>
        <translation>单套奖励</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>房源价值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>excess tier {number}</source>
        <translation>超出部分第{number}档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} {amount} yuan</source>
        <translation>{name}{amount}元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} {area} m² × {unit} = {amount}</source>
        <translation>{name}{area}平方米×{unit}={amount}</translation>
    </message>
</context>
<context>
    <name>TeamsDialog</name>
    <message>
        <location filename="../casework/teams.py" line="+40"/>
        <source>Teams and staff</source>
        <translation>工作组和人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Leader</source>
        <translation>组长</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Staff</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Households</source>
        <translation>包户户数</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New team, e.g. 第一工作组</source>
        <translation>新工作组，如 第一工作组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;team</source>
        <translation>添加工作组(&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add &amp;staff to the team</source>
        <translation>添加人员到该组(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make &amp;inactive / active</source>
        <translation>停用/启用(&amp;I)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>TermRow</name>
    <message>
        <location filename="../rules/condition_term.py" line="+58"/>
        <source>Remove this condition</source>
        <translation>删除此条件</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>several values, separated by commas</source>
        <translation>多个值，用逗号分隔</translation>
    </message>
</context>
<context>
    <name>TransitionPayeeFields</name>
    <message>
        <location filename="../registry/transition_fields.py" line="+32"/>
        <source>Residential (住宅)</source>
        <extracomment>The Household fields this tab edits.</extracomment>
        <translation>住宅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-residential (非住宅)</source>
        <translation>非住宅</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A non-residential old home (shop, workshop) is also owed the loss of business</source>
        <translation>非住宅（商铺、作坊）另补停产停业损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave empty for transition by allowance (自行过渡)</source>
        <translation>自行过渡的留空</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>no date</source>
        <translation>未定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 中国工商银行武汉江汉支行</source>
        <translation>如：中国工商银行武汉江汉支行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>digits; spaces or hyphens between groups are kept</source>
        <translation>数字；分组间可有空格或连字符</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Old home use</source>
        <translation>原房屋用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transition housing (周转用房)</source>
        <translation>周转用房地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Term of use</source>
        <translation>使用期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payee&apos;s bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account name</source>
        <translation>收款户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account number</source>
        <translation>收款账号</translation>
    </message>
</context>
<context>
    <name>TurnsModel</name>
    <message>
        <location filename="../session/desk_models.py" line="+94"/>
        <source>No.</source>
        <translation>序号</translation>
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>呼叫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flat</source>
        <translation>房号</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../admin/users_dialog.py" line="+36"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Name:</source>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add user</source>
        <translation>添加用户(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;role</source>
        <translation>设置角色(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset pass&amp;word</source>
        <translation>重设密码(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(De)&amp;activate</source>
        <translation>停用/启用(&amp;T)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+37"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} added.</source>
        <translation>已添加 {name}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} is now: {role}.</source>
        <translation>{name} 的角色已改为：{role}。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The password of {name} was changed.</source>
        <translation>已重设 {name} 的密码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} was deactivated.</source>
        <translation>已停用 {name}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} was activated.</source>
        <translation>已启用 {name}。</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../casework/entries_tabs.py" line="-81"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Summary</source>
        <translation>内容摘要</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>e.g. 李一、张二</source>
        <translation>如 李一、张二</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The household stated its intention:</source>
        <translation>本次走访登记了选房意向：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add visit</source>
        <translation>添加走访(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected visit</source>
        <translation>删除所选走访</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When, how, who</source>
        <translation>日期、方式、走访人</translation>
    </message>
</context>
<context>
    <name>Witness</name>
    <message>
        <location filename="record_words.py" line="-59"/>
        <source>rules frozen</source>
        <extracomment>The acts whose chain head goes to the witness file (db/admin/witness.py&apos;s lines name them so); their own context, as the Settings dialog shows them too.</extracomment>
        <translation>冻结分房方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pool published</source>
        <translation>公布摇号名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drawn</source>
        <translation>摇号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session opened</source>
        <translation>开始选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session closed</source>
        <translation>结束选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session voided</source>
        <translation>作废选房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../admin/witness_setting.py" line="+75"/>
        <source>Nothing of this database witnessed in this file yet ({count} lines of other databases).</source>
        <translation>此文件尚未见证本数据库的任何操作（另有其他数据库的 {count} 行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing witnessed in this file yet.</source>
        <translation>此文件中尚无见证记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last witnessed {when} ({act}): head {head}, {count} events</source>
        <translation>最近见证 {when}（{act}）：链头 {head}，共 {count} 条事件</translation>
    </message>
</context>
<context>
    <name>WitnessFileBox</name>
    <message>
        <location line="+12"/>
        <location line="+48"/>
        <source>Witness file</source>
        <translation>见证文件</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Empty: beside the automatic backups. Choose a file on a USB stick or a write-once share to keep the heads where the database is not.</source>
        <translation>留空：与自动备份放在一起。可选择U盘或只写共享目录中的文件，使链头保存在数据库所在之处以外。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each irreversible act (freezing the rules, the pool, the draw, opening and closing the session, a restore) appends the audit chain&apos;s head here. Kept outside the database, it proves later that the record was not rewritten (anju audit verify --witness).</source>
        <translation>每项不可撤销的操作（冻结规则、公布摇号池、摇号、开始和结束选房、恢复备份）都会把审计链头追加到此文件。它保存在数据库之外，日后可证明记录未被改写（anju audit verify --witness）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ANJU_WITNESS_FILE is set: this run witnesses into {path}; the choice here is used when it is not set.</source>
        <translation>已设置 ANJU_WITNESS_FILE：本次运行见证到 {path}；未设置时使用此处的选择。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Witness files (*.log);;All files (*)</source>
        <translation>见证文件 (*.log);;所有文件 (*)</translation>
    </message>
</context>
</TS>
