"""Policy versions: a draft is edited, a frozen version never changes and is only superseded.

Lifecycle of one project's rules (分房方案):

1. ``set_policy`` creates version 1 as a draft, or replaces the current draft;
2. ``freeze_policy`` locks the draft: its canonical JSON and SHA-256 are
   stored and logged, and that hash is what every notice prints. A draft
   that names no reference date (计算基准日) is refused: frozen, its ages
   would be counted afresh on every day a paper is printed;
3. after that, ``set_policy`` is refused; ``supersede_policy`` marks the
   frozen version superseded and opens a new draft, with a reason that the
   audit log keeps — the old version stays readable for ever.

Who may freeze or supersede is the trust issue's (roles); every act is
already audited here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from allocation.errors import ConflictError, NotFoundError, ValidationError
from allocation.registry import ProjectId
from allocation.rules import (
    Policy,
    PolicyProblem,
    canonical_json,
    policy_from_json,
    policy_sha256,
)
from db import audit
from db.admin import OPERATOR, SUPERVISOR, backup_before, require_role, witness_on_commit
from db.audit import Snapshot
from db.records import PolicyRecord
from db.registry import require_project

DRAFT, FROZEN, SUPERSEDED = "draft", "frozen", "superseded"


@dataclass(frozen=True, slots=True)
class PolicyVersion:
    """One stored version: its policy, and the stored document its hash is of.

    ``document`` is the text as frozen (canonical JSON of its schema);
    ``policy`` is that text read by today's code, upgraded if its schema is
    older (see :data:`allocation.policy.UPGRADES`).
    """

    version: int
    status: str
    sha256: str
    policy: Policy
    reason: str
    created_by: str
    frozen_by: str | None
    frozen_at: datetime | None
    document: str

    @property
    def frozen(self) -> bool:
        return self.status == FROZEN


def policy_snapshot(record: PolicyRecord) -> Snapshot:
    """What the audit log records of a version (the document itself is hashed, not copied)."""
    return {"version": record.version, "status": record.status, "sha256": record.sha256,
            "reason": record.reason, "created_at": audit.moment_text(record.created_at),
            "frozen_at": audit.moment_text(record.frozen_at)}


def current_policy(session: Session, project_id: ProjectId) -> PolicyVersion | None:
    """The newest version of the project's policy, or None if it has none yet."""
    record = _latest(session, project_id)
    return None if record is None else _version(record)


def policy_history(session: Session, project_id: ProjectId) -> list[PolicyVersion]:
    query = (select(PolicyRecord).where(PolicyRecord.project_id == project_id)
             .order_by(PolicyRecord.version))
    return [_version(r) for r in session.scalars(query)]


def frozen_policy(session: Session, project_id: ProjectId) -> PolicyVersion:
    """The frozen policy that decisions must use; NotFoundError when none is frozen."""
    found = current_policy(session, project_id)
    if found is None or not found.frozen:
        raise NotFoundError("policy_not_frozen", project=project_id)
    return found


def set_policy(session: Session, *, project_id: ProjectId, policy: Policy,
               actor: str) -> PolicyVersion:
    """Create the first draft, or replace the current draft.

    Raises:
        ConflictError: ``policy_frozen`` — the current version is frozen and
            can only be superseded, with a reason.
    """
    require_role(session, actor, OPERATOR)
    require_project(session, project_id)
    record = _latest(session, project_id)
    if record is not None and record.status == FROZEN:
        raise ConflictError("policy_frozen", version=record.version, sha256=record.sha256)
    if record is None:
        return _new_draft(session, project_id, policy, actor, version=1, reason="")
    before = policy_snapshot(record)
    record.document, record.sha256 = canonical_json(policy), policy_sha256(policy)
    session.flush()
    _log(session, record, actor, "update", before)
    return _version(record)


def freeze_policy(session: Session, *, project_id: ProjectId, actor: str) -> PolicyVersion:
    """Lock the current draft; its SHA-256 goes into the audit log.

    Raises:
        NotFoundError: ``policy_not_found``.
        ConflictError: ``policy_frozen`` — already frozen.
        ValidationError: ``reference_date_missing`` (path ``reference_date``).
    """
    require_role(session, actor, SUPERVISOR)
    record = _latest(session, project_id)
    if record is None:
        raise NotFoundError("policy_not_found", project=project_id)
    if record.status != DRAFT:
        raise ConflictError("policy_frozen", version=record.version, sha256=record.sha256)
    problems = freeze_problems(policy_from_json(record.document))
    if problems:
        raise ValidationError(problems[0].code, path=problems[0].path, **problems[0].params)
    backup_before(session, project_id=project_id, act="freeze")
    witness_on_commit(session, project_id=project_id, act="freeze")
    before = policy_snapshot(record)
    at = datetime.now(UTC)  # the row's time is its event's
    record.status, record.frozen_by, record.frozen_at = FROZEN, actor, at
    session.flush()
    _log(session, record, actor, "freeze", before, at=at)
    return _version(record)


def freeze_problems(policy: Policy) -> list[PolicyProblem]:
    """What keeps a valid policy from being frozen (the Rules page shows the same list).

    A valid policy may still be a draft that names no reference date
    (计算基准日); frozen like that, its ages would be judged afresh on each
    day a paper is printed, so it is refused.
    """
    if policy.reference_date is None:
        return [PolicyProblem("reference_date", "reference_date_missing")]
    return []


def supersede_policy(session: Session, *, project_id: ProjectId, policy: Policy, reason: str,
                     actor: str) -> PolicyVersion:
    """Replace a frozen version by a new draft; the reason is required and logged."""
    require_role(session, actor, SUPERVISOR)
    if not reason.strip():
        raise ValidationError("required_value_missing", field="reason")
    record = _latest(session, project_id)
    if record is None or record.status != FROZEN:
        raise ConflictError("policy_not_frozen", project=project_id)
    before = policy_snapshot(record)
    record.status = SUPERSEDED
    session.flush()
    _log(session, record, actor, "supersede", before)
    return _new_draft(session, project_id, policy, actor, version=record.version + 1,
                      reason=reason.strip())


def _new_draft(session: Session, project_id: ProjectId, policy: Policy, actor: str, *,
               version: int, reason: str) -> PolicyVersion:
    at = datetime.now(UTC)  # the row's time is its event's
    record = PolicyRecord(project_id=project_id, version=version, status=DRAFT,
                          document=canonical_json(policy), sha256=policy_sha256(policy),
                          reason=reason, created_by=actor, created_at=at)
    session.add(record)
    session.flush()
    _log(session, record, actor, "create", None, at=at)
    return _version(record)


def _log(session: Session, record: PolicyRecord, actor: str, action: str,
         before: Snapshot | None, at: datetime | None = None) -> None:
    audit.record(session, audit.AuditEntry(
        record.project_id, actor, action, "policy", f"v{record.version}",
        before=before, after=policy_snapshot(record), at=at))


def _latest(session: Session, project_id: ProjectId) -> PolicyRecord | None:
    return session.scalar(select(PolicyRecord).where(PolicyRecord.project_id == project_id)
                          .order_by(PolicyRecord.version.desc()).limit(1))


def _version(record: PolicyRecord) -> PolicyVersion:
    return PolicyVersion(record.version, record.status, record.sha256,
                         policy_from_json(record.document), record.reason, record.created_by,
                         record.frozen_by, record.frozen_at, record.document)
