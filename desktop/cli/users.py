"""`anju user …` and signing in on the command line.

Once a database has users, every command that opens it signs in first: the
name is ``--user`` (or $ANJU_USER), the password $ANJU_PASSWORD or, at a
terminal, asked for without echo; `user add` and `user passwd` take the new
password from $ANJU_NEW_PASSWORD or ask for it. Without users (set-up mode) nothing is
asked; `anju user add NAME --role admin` creates the first administrator.
Roles are then checked by the db/ operations themselves. Signing in and
the command use the same database, opened once (desktop/cli/common.py).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from allocation.errors import ValidationError
from desktop.cli.common import QT_TRANSLATE_NOOP, Command, Database, sayer

ENV_PASSWORD = "ANJU_PASSWORD"  # the signing-in user's
ENV_NEW_PASSWORD = "ANJU_NEW_PASSWORD"  # the password `user add` / `user passwd` sets
# Commands that never open a database: nothing to sign in to.
NO_DATABASE = frozenset({"order", "verify", "template"})

SAY: dict[str, str] = {
    "user_added": QT_TRANSLATE_NOOP("Cli", "user {name} added ({role})"),
    "user_changed": QT_TRANSLATE_NOOP("Cli", "user {name} changed"),
    "user_line": QT_TRANSLATE_NOOP("Cli", "{name}\t{role}\t{state}"),
    "active": QT_TRANSLATE_NOOP("Cli", "active"),
    "inactive": QT_TRANSLATE_NOOP("Cli", "deactivated"),
    "password_prompt": QT_TRANSLATE_NOOP("Cli", "password for {name}: "),
    "new_password_prompt": QT_TRANSLATE_NOOP("Cli", "new password for {name}: "),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """The `user` command under the `anju` parser's subcommands (a :class:`CommandParser`)."""
    commands.add_parser("user", help="users and roles (admin)", define=_define_user)


def _define_user(user: argparse.ArgumentParser) -> None:
    from db import admin as users  # the roles

    actions = user.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a user (the first one must be an admin)")
    add.add_argument("name")
    add.add_argument("--role", choices=users.ROLES, required=True)
    actions.add_parser("list", help="every user with role and state")
    passwd = actions.add_parser("passwd", help="set a user's password")
    passwd.add_argument("name")
    for name, text in (("role", "change a user's role"), ("disable", "deactivate a user"),
                       ("enable", "activate a user again")):
        action = actions.add_parser(name, help=text)
        action.add_argument("name")
        if name == "role":
            action.add_argument("role", choices=users.ROLES)


def sign_in(args: argparse.Namespace, database: Database) -> None:
    """Authenticate ``args.user`` if the database has users; the name then acts.

    The command then goes on with the same ``database``, opened once.

    Raises:
        ValidationError: ``login_failed``, or ``password_needed`` when there is
            no $ANJU_PASSWORD and no terminal to ask at.
    """
    if args.command in NO_DATABASE:
        return
    from db import admin as users

    with database.factory() as session:
        if users.setup_mode(session):
            return
        password = _password(_say("password_prompt").format(name=args.user))
        users.authenticate(session, args.user, password)


def cmd_user(args: argparse.Namespace, database: Database) -> int:
    with database.factory.begin() as session:
        return _run(session, args)


def _run(session: Any, args: argparse.Namespace) -> int:
    from db import admin as users

    if args.action == "list":
        for user in users.list_users(session):
            state = _say("active") if user.active else _say("inactive")
            print(_say("user_line").format(name=user.name, role=user.role, state=state))
        return 0
    if args.action == "add":
        password = _new_password(args.name)
        # The first user has nobody to act for them: they act for themselves.
        actor = args.name if users.setup_mode(session) else args.user
        users.create_user(session, name=args.name, role=args.role, password=password,
                          actor=actor)
        print(_say("user_added").format(name=args.name, role=args.role))
        return 0
    changes: dict[str, Any] = {
        "passwd": lambda: {"password": _new_password(args.name)},
        "role": lambda: {"role": args.role},
        "disable": lambda: {"active": False},
        "enable": lambda: {"active": True},
    }
    users.change_user(session, name=args.name, actor=args.user, **changes[args.action]())
    print(_say("user_changed").format(name=args.name))
    return 0


def _new_password(name: str) -> str:
    return _password(_say("new_password_prompt").format(name=name), ENV_NEW_PASSWORD)


def _password(prompt: str, variable: str = ENV_PASSWORD) -> str:
    if os.environ.get(variable):
        return os.environ[variable]
    if not sys.stdin.isatty():
        code = "new_password_needed" if variable == ENV_NEW_PASSWORD else "password_needed"
        raise ValidationError(code, variable=variable)
    return getpass.getpass(prompt)


HANDLERS: dict[str, Command] = {"user": cmd_user}
