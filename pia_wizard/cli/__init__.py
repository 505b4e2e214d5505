"""The headless command line. Parses, builds the AppContext, calls a service, prints.

Exit codes: 0 ok, 1 the command found what it looks for, 2 bad input (one line on stderr), 130 cancelled.
Messages and errors are in Chinese or English: ``--lang`` before the command, else the locale (LC_ALL / LC_MESSAGES
/ LANG starting with zh). A command's own ``--lang`` chooses the language of what it writes (a report, a check).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from pia_wizard.cli import archive, assessments, check, demo, keys, report, verify
from pia_wizard.cli.common import EXIT_BAD_INPUT, EXIT_OK, err, report_error
from pia_wizard.context import AppContext

MODULES = (check, demo, assessments, archive, report, verify, keys)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        raise UsageError(message)


GLOBAL_WITH_VALUE = ("--data-dir", "--actor", "--lang")


def _command_modules(argv: list[str] | None) -> tuple[object, ...]:
    """The command modules whose parsers this run needs: only the named command's (argparse builds ~50
    sub-parsers otherwise, a fifth of a short command's start-up), or all of them for --help and mistakes."""
    args = list(sys.argv[1:] if argv is None else argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in GLOBAL_WITH_VALUE:
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        found = [m for m in MODULES if arg in m.COMMANDS]
        return tuple(found) or MODULES
    return MODULES


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    from pia_wizard import __version__

    parser = _Parser(prog="pia-wizard", description="PIPIA for facial-recognition deployments (China).")
    parser.add_argument("--version", action="version", version=f"pia-wizard {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: $PIA_WIZARD_DATA_DIR or the user data dir)")
    parser.add_argument("--actor", help="who is acting, for the audit log (default: the OS user name)")
    parser.add_argument("--lang", dest="messages_lang", choices=("zh", "en"),
                        help="language of messages and errors (default: the locale)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module in _command_modules(argv) if argv is not None else MODULES:
        module.add_parsers(sub)
    return parser


def locale_lang(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def busy_timeout_from(raw: str | None) -> float | None:
    """PIA_WIZARD_BUSY_TIMEOUT: seconds to wait for another program's write lock on the archive."""
    from pia_wizard.services.errors import BadInput

    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadInput("bad_value",
                       detail=f"PIA_WIZARD_BUSY_TIMEOUT must be a number of seconds, got {raw!r}") from None
    return value if value >= 0 else None


def context_from(args: argparse.Namespace) -> AppContext:
    from pia_wizard.paths import data_dir

    lang = args.messages_lang or locale_lang()
    from pia_wizard.context import Settings

    today = getattr(args, "today", None)
    return AppContext(data_dir=data_dir(args.data_dir), actor=args.actor, lang=lang,
                      fixed_today=date.fromisoformat(str(today)) if today else None,
                      settings=Settings(busy_timeout=busy_timeout_from(os.environ.get("PIA_WIZARD_BUSY_TIMEOUT"))))


def main(argv: list[str] | None = None) -> int:
    from pia_wizard.services.errors import ServiceError

    commands = {}
    for module in MODULES:
        commands.update(module.COMMANDS)
    ctx = None
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        args = build_parser(argv).parse_args(argv)
        if args.command is None:
            sys.stderr.write("pia-wizard: no command given; `pia-wizard --help` lists them (the desktop app "
                             "starts from `pia-wizard` alone)\n")
            return EXIT_BAD_INPUT
        ctx = context_from(args)
        return commands[args.command](args, ctx)
    except UsageError as exc:
        err(exc)
        return EXIT_BAD_INPUT
    except ServiceError as exc:
        return report_error(exc, ctx or AppContext(data_dir=os.devnull, lang=locale_lang()))
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
