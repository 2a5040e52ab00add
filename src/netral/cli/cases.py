"""Case management commands: ``db``, ``agencies``, ``users``, ``registry``, ``report``,
``case``, ``cases`` and ``audit``. Thin: parse, call `netral.cases.service`, print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from netral.cases.crypto import SecretKeyError
from netral.cases.models import Channel, ReporterIdentity
from netral.cases.nip import NipError
from netral.cases.ports import BlobCorrupted, BlobTooLarge
from netral.cases.registry import InputFileError, bundled_agencies_csv
from netral.cases.roles import Actor, Role
from netral.cases.service import (
    CaseError,
    CaseService,
    EvidenceUpload,
    NotFound,
    PermissionDenied,
    TransitionError,
)
from netral.cases.workflow import CaseStatus
from netral.cli.console import err, fail, out, print_json
from netral.cli.options import cli_rulebook
from netral.i18n import _

db_app = typer.Typer(help="Basis data / Database.", no_args_is_help=True)
agencies_app = typer.Typer(help="Instansi / Agency tree.", no_args_is_help=True)
users_app = typer.Typer(help="Pengguna / Users and roles.", no_args_is_help=True)
registry_app = typer.Typer(help="Data ASN / ASN registry.", no_args_is_help=True)
report_app = typer.Typer(help="Laporan / Reports.", no_args_is_help=True)
case_app = typer.Typer(help="Perkara / One case.", no_args_is_help=True)
cases_app = typer.Typer(help="Perkara / Cases in bulk.", no_args_is_help=True)
audit_app = typer.Typer(help="Jejak audit / Audit trail.", no_args_is_help=True)

AS_USER = typer.Option(..., "--as", envvar="NETRAL_USER", help="Act as this user.")


def register(app: typer.Typer) -> None:
    for sub, name in ((db_app, "db"), (agencies_app, "agencies"), (users_app, "users"),
                      (registry_app, "registry"), (report_app, "report"), (case_app, "case"),
                      (cases_app, "cases"), (audit_app, "audit")):
        app.add_typer(sub, name=name)


def _service() -> CaseService:
    from netral.storage import open_service  # imported late: `netral rules` stays light

    return open_service(cli_rulebook())


@contextmanager
def _refusals() -> Iterator[None]:
    """Turn the domain's refusals into one-line messages and an exit code."""
    try:
        yield
    except PermissionDenied as exc:
        fail(_("Refused: {reason}", reason=exc), code=3)
    except NotFound as exc:
        fail(_("Not found: {reason}", reason=exc.args[0] if exc.args else exc))
    except InputFileError as exc:
        fail(_("{file}, line {line}, field {field}: {message}. Nothing was imported.",
               file=exc.path, line=exc.line, field=exc.field, message=exc.message))
    except (CaseError, TransitionError, NipError, BlobTooLarge) as exc:
        fail(_("Not possible: {reason}", reason=exc))
    except (BlobCorrupted, SecretKeyError) as exc:
        fail(_("Integrity problem: {reason}", reason=exc), code=1)


def _actor(service: CaseService, username: str) -> Actor:
    with _refusals():
        return service.actor(username)


# ---------------------------------------------------------------- db
@db_app.command("upgrade")
def db_upgrade() -> None:
    """Buat atau perbarui skema / Create or upgrade the database schema."""
    from netral.storage import database_url, make_engine, upgrade

    engine = make_engine()
    revision = upgrade(engine)
    out.print(_("Database at {url} is at revision {rev}.",
                url=engine.url.render_as_string(hide_password=True) if engine.url.password
                else database_url(), rev=revision), highlight=False)


# ---------------------------------------------------------------- agencies, users
@agencies_app.command("import")
def agencies_import(file: Path = typer.Argument(None, exists=True, dir_okay=False,
                                                help="Default: the bundled Kaltim demo tree."),
                    as_user: str = AS_USER) -> None:
    """Impor pohon instansi / Import an agency tree CSV (code,name,kind,region_code,parent_code)."""
    file = file or bundled_agencies_csv()
    service = _service()
    with _refusals():
        n = service.import_agencies(_actor(service, as_user), file)
    out.print(_("Imported {n} agencies from {file}.", n=n, file=file.name))


@agencies_app.command("list")
def agencies_list(json_out: bool = typer.Option(False, "--json")) -> None:
    """Daftar instansi / List agencies as a tree."""
    agencies = _service().agencies()
    if json_out:
        print_json([asdict(a) for a in agencies])
        return
    table = Table(title=_("Agencies"))
    for header in (_("Code"), _("Name"), _("Kind"), _("Region")):
        table.add_column(header)
    for a in agencies:
        depth = a.path.count("/") - 2
        table.add_row(a.code, "  " * depth + a.name, a.kind.value, a.region_code or "")
    out.print(table)


@users_app.command("add")
def users_add(
    username: str = typer.Argument(...),
    role: Role = typer.Option(..., "--role"),
    agency: str = typer.Option(None, "--agency", help="Agency code (required for agency_ppk)."),
    name: str = typer.Option("", "--name"),
    password: str = typer.Option(..., "--password", prompt=True, hide_input=True,
                                 confirmation_prompt=True, envvar="NETRAL_NEW_PASSWORD"),
    as_user: str = typer.Option(None, "--as", envvar="NETRAL_USER",
                                help="Admin creating the user (omit for the first admin)."),
) -> None:
    """Tambah pengguna / Add a user with a role; the first user must be an admin."""
    service = _service()
    with _refusals():
        actor = _actor(service, as_user) if as_user else None
        user = service.create_user(actor, username, password, role, agency_code=agency,
                                   display_name=name)
    out.print(_("User {name} created with role {role}.", name=user.username, role=user.role.value))


# ---------------------------------------------------------------- registry
@registry_app.command("import")
def registry_import(
    file: Path = typer.Argument(..., exists=True, dir_okay=False),
    replace: bool = typer.Option(False, "--replace", help="Replace the whole registry."),
    as_user: str = AS_USER,
) -> None:
    """Impor data ASN dari CSV / Import ASN records (nip,name,position,agency_code,region_code).

    All or nothing: an invalid row stops the import and leaves the database unchanged.
    """
    service = _service()
    actor = _actor(service, as_user)
    with ExitStack() as stack:
        stack.enter_context(_refusals())
        progress = stack.enter_context(Progress(
            SpinnerColumn(), TextColumn("{task.description}"),
            TextColumn("{task.completed:,.0f}"), TimeElapsedColumn(),
            console=out, transient=True, disable=not out.is_terminal))
        task = progress.add_task(_("Importing rows"), total=None)
        n = service.import_registry(actor, file, replace=replace,
                                    progress=lambda done: progress.update(task, completed=done))
    out.print(_("Imported {n} ASN records from {file}.", n=n, file=file.name))


# ---------------------------------------------------------------- report
@report_app.command("submit")
def report_submit(
    text: str = typer.Option(..., "--text", help="What happened, where and when."),
    evidence: list[Path] = typer.Option(None, "--evidence", exists=True, dir_okay=False,
                                        help="A file (screenshot, photo, PDF); repeatable."),
    reported: str = typer.Option(None, "--reported", help="Who is reported, as free text."),
    nip: str = typer.Option(None, "--nip", help="NIP of the reported ASN, if known."),
    name: str = typer.Option(None, "--name", help="Your name (omit to stay anonymous)."),
    phone: str = typer.Option(None, "--phone"),
    email: str = typer.Option(None, "--email"),
    channel: Channel = typer.Option(Channel.CLI, "--channel"),
    as_user: str = typer.Option(None, "--as", envvar="NETRAL_USER",
                                help="Officer recording the report (default: the public)."),
) -> None:
    """Kirim laporan / Submit a report; prints the tracking code to keep."""
    service = _service()
    actor = _actor(service, as_user) if as_user else Actor.public()
    identity = ReporterIdentity(name or "", phone or "", email or "")
    anonymous = not identity.as_dict()
    with ExitStack() as stack:
        stack.enter_context(_refusals())
        uploads = [EvidenceUpload(p.name, stack.enter_context(p.open("rb")))
                   for p in evidence or []]
        done = service.submit_report(actor, text, channel=channel,
                                     reporter=None if anonymous else identity,
                                     anonymous=anonymous, reported_person=reported,
                                     reported_nip=nip, evidence=uploads)
    out.print(_("Report received. Keep this tracking code: {code}", code=done.tracking_code),
              highlight=False)
    err.print(_("Case {id} opened.", id=done.case_id), highlight=False)


@report_app.command("status")
def report_status(code: str = typer.Argument(...)) -> None:
    """Status laporan dengan kode pelacakan / Status of a report by tracking code."""
    with _refusals():
        status = _service().report_status(code)
    out.print(_("{code}: {status} (updated {at})", code=status.tracking_code,
                status=status_label(status.status), at=status.updated_at.date().isoformat()),
              highlight=False)


# ---------------------------------------------------------------- case / cases
STATUS_LABELS = {
    CaseStatus.RECEIVED: "received",
    CaseStatus.PRELIMINARY_REVIEW: "preliminary review",
    CaseStatus.REGISTERED: "registered",
    CaseStatus.DISMISSED: "dismissed",
    CaseStatus.CLARIFICATION: "clarification",
    CaseStatus.EXAMINED: "examined",
    CaseStatus.RECOMMENDATION_ISSUED: "recommendation issued",
    CaseStatus.NOT_PROVEN: "not proven",
    CaseStatus.SANCTION_IMPOSED: "sanction imposed",
    CaseStatus.CLOSED: "closed",
}


def status_label(status: CaseStatus) -> str:
    return _(STATUS_LABELS[CaseStatus(status)])


def _case_json(case) -> dict:  # type: ignore[no-untyped-def]
    data = asdict(case)
    data["status"] = case.status.value
    return data


@case_app.command("list")
def case_list(
    status: CaseStatus = typer.Option(None, "--status"),
    agency: str = typer.Option(None, "--agency", help="Agency code: this agency and below."),
    json_out: bool = typer.Option(False, "--json"),
    as_user: str = AS_USER,
) -> None:
    """Daftar perkara / List cases you may see."""
    service = _service()
    with _refusals():
        cases = service.list_cases(_actor(service, as_user), status=status, agency_code=agency)
    if json_out:
        print_json([_case_json(c) for c in cases])
        return
    table = Table(title=_("Cases"))
    for header in (_("ID"), _("Status"), _("Due"), _("Reported NIP"), _("Updated")):
        table.add_column(header)
    for c in cases:
        table.add_row(str(c.id), status_label(c.status),
                      c.due_date.isoformat() if c.due_date else "", c.reported_nip or "",
                      c.updated_at.strftime("%Y-%m-%d %H:%M"))
    out.print(table)


@case_app.command("show")
def case_show(case_id: int = typer.Argument(...), json_out: bool = typer.Option(False, "--json"),
              as_user: str = AS_USER) -> None:
    """Rincian perkara / Show a case with its report, evidence and history."""
    service = _service()
    with _refusals():
        view = service.show_case(_actor(service, as_user), case_id)
    if json_out:
        data = asdict(view)
        data["report"].pop("reporter_identity_encrypted", None)
        print_json(data)
        return
    c, r = view.case, view.report
    withheld = _("anonymous") if r.anonymous else _("withheld")
    lines = [
        f"[bold]{_('Case')} {c.id}[/] — {status_label(c.status)}",
        f"{_('Tracking code')}: {r.tracking_code}   {_('Channel')}: {r.channel.value}   "
        f"{_('Received')}: {r.received_at:%Y-%m-%d %H:%M} UTC",
        f"{_('Reporter')}: " + (", ".join(view.reporter.values()) if view.reporter else withheld),
        f"{_('Reported')}: {r.reported_person_text or '-'}  NIP: {c.reported_nip or '-'}",
        f"{_('Agency')}: {view.agency.name if view.agency else '-'}",
        f"{_('Due')}: {c.due_date or '-'} ({c.deadline_rule or '-'})",
        "",
        r.description,
        "",
        f"[bold]{_('Evidence')}[/]",
        *(f"  {e.id}. {e.original_name} ({e.media_type}, {e.size:,} B) sha256 {e.sha256[:16]}…"
          for e in view.evidence),
        f"[bold]{_('History')}[/]",
        *(f"  {t.at:%Y-%m-%d %H:%M} {t.source.value} → {t.target.value} {_('by')} {t.actor}: "
          f"{t.reason}" for t in view.transitions),
    ]
    if view.recommendation:
        rec = view.recommendation
        lines.append(_("Recommendation: {acts} → {level}, due {due} (rulebook {version})",
                       acts=", ".join(rec.act_ids), level=rec.sanction_level.value,
                       due=rec.due_date, version=rec.rulebook_version))
    if view.sanction:
        s = view.sanction
        lines.append(_("Sanction: {level}, decree {decree}", level=s.level.value,
                       decree=s.decree_number))
    if view.next_moves:
        lines.append(_("You may move it to: {moves}", moves=", ".join(view.next_moves)))
    out.print("\n".join(lines), highlight=False)


@case_app.command("transition")
def case_transition(
    case_id: int = typer.Argument(...),
    target: CaseStatus = typer.Argument(..., help="New status."),
    reason: str = typer.Option(..., "--reason"),
    agency: str = typer.Option(None, "--agency", help="Reported ASN's agency (registration)."),
    nip: str = typer.Option(None, "--nip", help="Reported ASN's NIP (registration)."),
    act: list[str] = typer.Option(None, "--act", help="Rulebook act id (recommendation)."),
    decree: str = typer.Option(None, "--decree", help="PPK decree number (sanction)."),
    note: str = typer.Option("", "--note"),
    as_user: str = AS_USER,
) -> None:
    """Pindahkan perkara ke status berikutnya / Move a case along the workflow."""
    service = _service()
    with _refusals():
        case = service.transition_case(_actor(service, as_user), case_id, target, reason,
                                       agency_code=agency, reported_nip=nip, act_ids=act or [],
                                       decree_number=decree, note=note)
    due = _(", due {date}", date=case.due_date.isoformat()) if case.due_date else ""
    out.print(_("Case {id} is now {status}{due}.", id=case.id, status=status_label(case.status),
                due=due), highlight=False)


@cases_app.command("overdue")
def cases_overdue(
    on: str = typer.Option(None, "--on", help="Date YYYY-MM-DD (default: today)."),
    json_out: bool = typer.Option(False, "--json"),
    as_user: str = AS_USER,
) -> None:
    """Perkara lewat tenggat / Cases past their working-day deadline."""
    try:
        day = dt.date.fromisoformat(on) if on else None
    except ValueError:
        fail(_("--on: {value!r} is not a date in the form YYYY-MM-DD.", value=on))
    service = _service()
    with _refusals():
        late = service.overdue(_actor(service, as_user), day)
    if json_out:
        print_json([{**_case_json(o.case), "rule": o.rule,
                     "working_days_late": o.working_days_late} for o in late])
        return
    if not late:
        out.print(_("No case is overdue."))
        return
    table = Table(title=_("Overdue cases"))
    for header in (_("ID"), _("Status"), _("Due"), _("Deadline rule"), _("Working days late")):
        table.add_column(header)
    for o in late:
        table.add_row(str(o.case.id), status_label(o.case.status), str(o.case.due_date),
                      o.rule or "", str(o.working_days_late))
    out.print(table)


# ---------------------------------------------------------------- audit
@audit_app.command("verify")
def audit_verify(as_user: str = AS_USER) -> None:
    """Periksa rantai hash audit / Check the audit hash chain; exit 1 when broken."""
    service = _service()
    with _refusals():
        check = service.verify_audit(_actor(service, as_user))
    if not check.ok:
        err.print(_("Audit chain BROKEN at entry {seq}: {problem}. {n} entries before it verify.",
                    seq=check.broken_seq, problem=check.problem, n=check.checked),
                  highlight=False)
        raise typer.Exit(1)
    out.print(_("Audit chain intact: {n} entries, head {hash}.", n=check.checked,
                hash=check.head_hash[:16]), highlight=False)
