"""Policy versions on a real database: drafts change, frozen versions only give way to new ones."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest
from sqlalchemy import text

import db.audit.chain as audit
import db.rules.versions as policies
from allocation.demo.policy import demo_policy
from allocation.errors import AnjuError, ConflictError, NotFoundError, ValidationError
from allocation.rules.policy import UPGRADES, canonical_json, policy_sha256
from db.admin.autobackup import automatic_backups
from db.admin.backups import restore
from db.replay.check import verify_audit
from db.store.engine import make_engine, make_session_factory


def test_draft_freeze_supersede(factory, project_id):
    policy = demo_policy()
    with factory.begin() as s:
        draft = policies.set_policy(s, project_id=project_id, policy=policy, actor="op")
        assert (draft.version, draft.status) == (1, "draft")
        renamed = policies.set_policy(s, project_id=project_id, actor="op",
                                      policy=replace(policy, name="东湖安置分房方案"))
        assert renamed.version == 1 and renamed.sha256 != draft.sha256
    with factory.begin() as s:
        frozen = policies.freeze_policy(s, project_id=project_id, actor="sup")
    assert frozen.frozen and frozen.frozen_by == "sup"
    assert frozen.sha256 == policy_sha256(replace(policy, name="东湖安置分房方案"))
    with factory.begin() as s, pytest.raises(ConflictError) as refused:
        policies.set_policy(s, project_id=project_id, policy=policy, actor="op")
    assert refused.value.code == "policy_frozen"
    with factory.begin() as s, pytest.raises(ValidationError):
        policies.supersede_policy(s, project_id=project_id, policy=policy, reason=" ",
                                  actor="sup")
    with factory.begin() as s:
        second = policies.supersede_policy(s, project_id=project_id, policy=policy,
                                           reason="公示期内群众意见：调整名称", actor="sup")
    assert (second.version, second.status, second.reason) == (2, "draft",
                                                              "公示期内群众意见：调整名称")
    with factory() as s:
        history = policies.policy_history(s, project_id)
        assert [(v.version, v.status) for v in history] == [(1, "superseded"), (2, "draft")]
        assert history[0].policy.name == "东湖安置分房方案"
        actions = [e.action for e in audit.events_for(s, project_id=project_id)
                   if e.entity == "policy"]
        assert actions == ["create", "update", "freeze", "supersede", "create"]
        assert verify_audit(s, project_id).ok


def test_rules_naming_no_reference_date_are_saved_but_not_frozen(factory, project_id):
    """A draft may lack the reference date (计算基准日); freezing it is refused at its key
    path, nothing is written, and with the date set the same draft freezes."""
    undated = replace(demo_policy(), reference_date=None)
    assert policies.freeze_problems(undated)[0].path == "reference_date"
    assert policies.freeze_problems(demo_policy()) == []
    with factory.begin() as s:
        policies.set_policy(s, project_id=project_id, policy=undated, actor="op")
    with factory.begin() as s, pytest.raises(ValidationError) as refused:
        policies.freeze_policy(s, project_id=project_id, actor="sup")
    assert (refused.value.code, refused.value.params["path"]) == ("reference_date_missing",
                                                                 "reference_date")
    with factory.begin() as s:
        assert policies.current_policy(s, project_id).status == "draft"
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
        assert policies.freeze_policy(s, project_id=project_id, actor="sup").frozen


def test_frozen_text_is_the_hashed_text(factory, project_id):
    """Anyone can re-hash the stored document and get the printed SHA-256."""
    with factory.begin() as s:
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
        frozen = policies.freeze_policy(s, project_id=project_id, actor="sup")
    document = canonical_json(demo_policy())
    assert hashlib.sha256(document.encode("utf-8")).hexdigest() == frozen.sha256


def test_edit_of_frozen_text_outside_the_app_is_found(factory, project_id):
    with factory.begin() as s:
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
        policies.freeze_policy(s, project_id=project_id, actor="sup")
    with factory.begin() as s:
        s.execute(text("UPDATE policy SET document = replace(document, '50', '60')"))
    with factory() as s:
        report = verify_audit(s, project_id)
    assert report.mismatch is not None
    assert (report.mismatch.entity, report.mismatch.key) == ("policy", "v1")


def test_no_frozen_policy_is_a_clear_error(factory, project_id):
    with factory() as s, pytest.raises(NotFoundError) as error:
        policies.frozen_policy(s, project_id)
    assert error.value.code == "policy_not_frozen"
    with factory.begin() as s, pytest.raises(NotFoundError):
        policies.freeze_policy(s, project_id=project_id, actor="sup")


def test_a_version_frozen_under_an_older_schema_stays_readable(factory, project_id, monkeypatch):
    """The stored text is never rewritten: read through UPGRADES, shown and hashed as frozen."""
    with factory.begin() as s:
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
        policies.freeze_policy(s, project_id=project_id, actor="sup")
    old = json.loads(canonical_json(demo_policy()))
    old["schema"] = "anju-policy/0"
    old["entitlement"]["per_person"] = old["entitlement"].pop("area_per_person")
    document = json.dumps(old, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()
    with factory.begin() as s:  # as an older Anju would have frozen it
        s.execute(text("UPDATE policy SET document = :d, sha256 = :h"),
                  {"d": document, "h": digest})

    def upgrade(data):
        entitlement = {**data["entitlement"]}
        entitlement["area_per_person"] = entitlement.pop("per_person")
        return {**data, "schema": "anju-policy/1", "entitlement": entitlement}

    monkeypatch.setitem(UPGRADES, "anju-policy/0", upgrade)
    with factory() as s:
        frozen = policies.frozen_policy(s, project_id)
    assert frozen.policy == demo_policy()
    assert frozen.document == document
    assert frozen.sha256 == digest == hashlib.sha256(frozen.document.encode()).hexdigest()
    assert policy_sha256(frozen.policy) != digest  # why the stored text, not today's, is shown


def test_freezing_and_drawing_back_up_the_database_first(factory, project_id, engine, tmp_path,
                                                         monkeypatch):
    """The backup holds the state just before the act: a draft, then a frozen policy."""
    monkeypatch.setenv("ANJU_BACKUP_DIR", str(tmp_path / "auto"))
    with factory.begin() as s:
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
    with factory.begin() as s:
        policies.freeze_policy(s, project_id=project_id, actor="sup")
    (first,) = automatic_backups(tmp_path / "auto")
    assert "-freeze." in first.name
    restored = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    # Going back before a witnessed act needs a reason (issue 18: the witness file).
    restore(restored, first, reason="回到冻结之前")
    with make_session_factory(restored)() as s:
        assert policies.current_policy(s, project_id).status == "draft"  # before the freeze
    restored.dispose()


def test_no_backup_no_freeze(factory, project_id, tmp_path, monkeypatch):
    """A backup folder that cannot be written refuses the freeze, with the reason."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ANJU_BACKUP_DIR", str(blocker / "backups"))
    with factory.begin() as s:
        policies.set_policy(s, project_id=project_id, policy=demo_policy(), actor="op")
    with pytest.raises(AnjuError) as refused, factory.begin() as s:
        policies.freeze_policy(s, project_id=project_id, actor="sup")
    assert refused.value.code == "automatic_backup_failed"
    with factory() as s:
        assert policies.current_policy(s, project_id).status == "draft"
