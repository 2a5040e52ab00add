"""The service on both databases: workflow permissions, scoping, identity, audit, imports."""

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from netral.cases.models import Channel, ReporterIdentity, SanctionLevel
from netral.cases.ports import BlobCorrupted
from netral.cases.registry import InputFileError
from netral.cases.service import CaseError, EvidenceUpload, NotFound, PermissionDenied
from netral.cases.workflow import TRANSITIONS, CaseStatus, TransitionError
from netral.screening.models import Finding

S = CaseStatus
NIP_DISDIK = "198503122010011004"  # Pemprov Kaltim, Dinas Pendidikan
NIP_SAMARINDA = "199001052015032002"  # Kota Samarinda, BKPSDM
REPORT = ("Kepala Seksi Kurikulum Disdik Kaltim membagikan poster paslon nomor 2 di grup "
          "WhatsApp guru pada 20 Oktober 2024 dan mengajak memilih.")


def registry_csv(tmp_path: Path, rows: list[str], name="asn.csv") -> Path:
    path = tmp_path / name
    path.write_text("nip,name,position,agency_code,region_code\n" + "\n".join(rows) + "\n")
    return path


@pytest.fixture
def registry(service, actors, tmp_path):
    service.import_registry(actors.admin, registry_csv(tmp_path, [
        f"{NIP_DISDIK},Budi Santoso,Kepala Seksi Kurikulum,64-DISDIK,64",
        f"{NIP_SAMARINDA},Siti Rahmawati,Analis Kepegawaian,64.72-BKPSDM,64.72",
    ]))


def submit(service, actors, **kw):
    kw.setdefault("anonymous", True)
    return service.submit_report(actors.public, REPORT, **kw)


# The happy path to each status, with the actor and extra input each step needs.
def steps(actors, nip=NIP_DISDIK, ppk=None):
    return {
        S.PRELIMINARY_REVIEW: (actors.intake, {}),
        S.REGISTERED: (actors.intake, {"reported_nip": nip}),
        S.DISMISSED: (actors.intake, {}),
        S.CLARIFICATION: (actors.examiner, {}),
        S.EXAMINED: (actors.examiner, {}),
        S.RECOMMENDATION_ISSUED: (actors.analyst, {"act_ids": ["ethics-online-campaign"]}),
        S.NOT_PROVEN: (actors.analyst, {}),
        S.SANCTION_IMPOSED: (ppk or actors.ppk_kaltim, {"decree_number": "800/12/BKD/2024"}),
        S.CLOSED: (actors.analyst, {}),
    }


PATHS = {
    S.RECEIVED: [],
    S.PRELIMINARY_REVIEW: [S.PRELIMINARY_REVIEW],
    S.REGISTERED: [S.PRELIMINARY_REVIEW, S.REGISTERED],
    S.DISMISSED: [S.PRELIMINARY_REVIEW, S.DISMISSED],
    S.CLARIFICATION: [S.PRELIMINARY_REVIEW, S.REGISTERED, S.CLARIFICATION],
    S.EXAMINED: [S.PRELIMINARY_REVIEW, S.REGISTERED, S.CLARIFICATION, S.EXAMINED],
    S.NOT_PROVEN: [S.PRELIMINARY_REVIEW, S.REGISTERED, S.CLARIFICATION, S.EXAMINED,
                   S.NOT_PROVEN],
    S.RECOMMENDATION_ISSUED: [S.PRELIMINARY_REVIEW, S.REGISTERED, S.CLARIFICATION, S.EXAMINED,
                              S.RECOMMENDATION_ISSUED],
    S.SANCTION_IMPOSED: [S.PRELIMINARY_REVIEW, S.REGISTERED, S.CLARIFICATION, S.EXAMINED,
                         S.RECOMMENDATION_ISSUED, S.SANCTION_IMPOSED],
}


def drive(service, actors, case_id, target, **kw):
    plan = steps(actors, **kw)
    current = service.show_case(actors.analyst, case_id).case.status
    path = PATHS[target]
    for status in path[path.index(current) + 1:] if current in path else path:
        actor, extra = plan[status]
        service.transition_case(actor, case_id, status, f"menuju {status.value}", **extra)


@pytest.mark.parametrize("move", TRANSITIONS, ids=lambda t: f"{t.source}->{t.target}")
def test_each_transition_allowed_only_to_its_roles(service, actors, registry, move):
    case_id = submit(service, actors).case_id
    drive(service, actors, case_id, move.source)
    plan = steps(actors)
    _, extra = plan[move.target]
    for actor in actors.all():
        if actor.role in move.roles and actor is not actors.ppk_samarinda:
            continue
        with pytest.raises((PermissionDenied, NotFound)):
            service.transition_case(actor, case_id, move.target, "mencoba", **extra)
        assert service.show_case(actors.analyst, case_id).case.status == move.source
    allowed = next(a for a in actors.all() if a.role in move.roles
                   and a is not actors.ppk_samarinda)
    case = service.transition_case(allowed, case_id, move.target, "sesuai prosedur", **extra)
    assert case.status == move.target
    view = service.show_case(actors.analyst, case_id)
    assert view.transitions[-1].reason == "sesuai prosedur"
    assert view.transitions[-1].actor == allowed.username
    assert service.verify_audit(actors.admin).ok


def test_moves_outside_the_table_and_without_reason_are_refused(service, actors, registry):
    case_id = submit(service, actors).case_id
    with pytest.raises(TransitionError):
        service.transition_case(actors.intake, case_id, S.REGISTERED, "melompat")
    with pytest.raises(CaseError):
        service.transition_case(actors.intake, case_id, S.PRELIMINARY_REVIEW, "  ")
    drive(service, actors, case_id, S.PRELIMINARY_REVIEW)
    with pytest.raises(CaseError, match="agency"):
        service.transition_case(actors.intake, case_id, S.REGISTERED, "tanpa instansi")
    drive(service, actors, case_id, S.EXAMINED)
    with pytest.raises(CaseError):
        service.transition_case(actors.analyst, case_id, S.RECOMMENDATION_ISSUED, "tanpa pasal")


def test_anonymous_report_with_evidence_to_sanction_and_closing(service, actors, registry,
                                                                clock):
    shot = b"\x89PNG tangkapan layar grup WhatsApp guru"
    finding = Finding(act="ethics-online-campaign", contestant="pilgub-kaltim-2024:2",
                      citations=[], evidence=[], reason="ajakan memilih di media sosial")
    done = submit(service, actors, channel=Channel.WHATSAPP,
                  evidence=[EvidenceUpload("tangkapan-layar.png", io.BytesIO(shot))],
                  reported_person="Budi, Disdik Kaltim", screening_id="wa-2024-10-20-1",
                  findings=[finding])
    assert service.report_status(done.tracking_code.lower()).status == S.RECEIVED
    drive(service, actors, done.case_id, S.SANCTION_IMPOSED)
    case = service.transition_case(actors.analyst, done.case_id, S.CLOSED, "selesai")
    assert case.status == S.CLOSED and case.due_date is None
    view = service.show_case(actors.analyst, done.case_id)
    assert view.reporter is None and view.report.anonymous
    assert view.recommendation.sanction_level == SanctionLevel.MORAL
    assert view.recommendation.rulebook_version == service.rulebook.version
    assert view.sanction.level == SanctionLevel.MORAL
    assert view.sanction.decree_number == "800/12/BKD/2024"
    assert view.findings[0].act == "ethics-online-campaign"
    ev = view.evidence[0]
    assert (ev.original_name, ev.media_type, ev.size) == ("tangkapan-layar.png", "image/png",
                                                          len(shot))
    assert service.read_evidence(actors.examiner, ev.id)[1] == shot
    with pytest.raises(NotFound):
        service.read_evidence(actors.public, ev.id)
    check = service.verify_audit(actors.admin)
    assert check.ok and check.checked > 10
    assert service.report_status(done.tracking_code).status == S.CLOSED


def test_recommendation_goes_to_the_ppk_with_a_working_day_due_date(service, actors,
                                                                    registry, clock):
    case_id = submit(service, actors).case_id
    drive(service, actors, case_id, S.EXAMINED)
    clock.set(dt.date(2024, 12, 20))  # Friday; 25-26 Dec off
    service.transition_case(actors.analyst, case_id, S.RECOMMENDATION_ISSUED, "terbukti",
                            act_ids=["ethics-online-campaign", "ethics-campaign-props"])
    rec = service.show_case(actors.analyst, case_id).recommendation
    with service.store.transaction() as tx:
        assert tx.agency(rec.ppk_agency_id).code == "64"  # the province, not the Disdik unit
    # 14 working days from Fri 20 Dec 2024 skipping 25, 26 Dec and 1 Jan 2025.
    assert rec.due_date == dt.date(2025, 1, 14)


def test_reporter_identity_is_encrypted_and_shown_only_to_intake(service, actors, engine):
    done = service.submit_report(actors.public, REPORT, anonymous=False,
                                 reporter=ReporterIdentity("Rina Marlina", "0812-5555-0101"))
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT reporter_identity FROM reports")).scalar_one()
        audit = " ".join(conn.execute(text("SELECT data FROM audit_log")).scalars())
    assert "Rina" not in stored and "Rina" not in audit
    assert service.show_case(actors.intake, done.case_id).reporter == {
        "name": "Rina Marlina", "phone": "0812-5555-0101"}
    for actor in (actors.examiner, actors.analyst, actors.admin):
        assert service.show_case(actor, done.case_id).reporter is None
    with pytest.raises(CaseError):
        service.submit_report(actors.public, REPORT, anonymous=True,
                              reporter=ReporterIdentity("Rina"))
    with pytest.raises(CaseError):
        service.submit_report(actors.public, REPORT, anonymous=False)


def test_agency_ppk_is_scoped_to_its_subtree(service, actors, registry):
    disdik = submit(service, actors).case_id
    samarinda = submit(service, actors).case_id
    drive(service, actors, disdik, S.RECOMMENDATION_ISSUED)
    drive(service, actors, samarinda, S.RECOMMENDATION_ISSUED, nip=NIP_SAMARINDA)
    early = submit(service, actors).case_id
    drive(service, actors, early, S.EXAMINED)
    assert [c.id for c in service.list_cases(actors.ppk_kaltim)] == [disdik]
    assert [c.id for c in service.list_cases(actors.ppk_samarinda)] == [samarinda]
    assert service.list_cases(actors.ppk_samarinda, agency_code="64") == []
    assert len(service.list_cases(actors.examiner)) == 3
    with pytest.raises(NotFound):  # before the recommendation the PPK sees nothing
        service.show_case(actors.ppk_kaltim, early)
    with pytest.raises(NotFound):
        service.show_case(actors.ppk_samarinda, disdik)
    with pytest.raises(NotFound):
        service.transition_case(actors.ppk_samarinda, disdik, S.SANCTION_IMPOSED, "bukan",
                                decree_number="1")
    with pytest.raises(PermissionDenied):
        service.list_cases(actors.public)
    assert service.show_case(actors.ppk_kaltim, disdik).next_moves == ["sanction_imposed"]
    service.transition_case(actors.ppk_samarinda, samarinda, S.SANCTION_IMPOSED, "dijatuhkan",
                            decree_number="800/7/BKPSDM/2024")


def test_overdue_lists_late_cases_in_working_days(service, actors, registry, clock):
    clock.set(dt.date(2024, 12, 20))  # Friday
    late = submit(service, actors).case_id  # 3 working days: 23, 24, (25-26 off) 27 Dec
    assert service.show_case(actors.intake, late).case.due_date == dt.date(2024, 12, 27)
    done = submit(service, actors).case_id
    drive(service, actors, done, S.DISMISSED)
    assert service.overdue(actors.analyst, dt.date(2024, 12, 27)) == []
    overdue = service.overdue(actors.analyst, dt.date(2025, 1, 3))
    assert [(o.case.id, o.rule, o.working_days_late) for o in overdue] == [
        (late, "preliminary-review", 4)]  # 30, 31 Dec, (1 Jan off), 2, 3 Jan


@pytest.mark.parametrize("tamper", ["update", "delete", "truncate"])
def test_direct_audit_tampering_is_detected(service, actors, registry, engine, tamper):
    case_id = submit(service, actors).case_id
    drive(service, actors, case_id, S.CLARIFICATION)
    assert service.verify_audit(actors.admin).ok
    with engine.begin() as conn:
        last = conn.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
        if tamper == "update":
            conn.execute(text("UPDATE audit_log SET actor = 'orang-lain' WHERE seq = :s"),
                         {"s": last - 1})
        elif tamper == "delete":
            conn.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": last - 2})
        else:
            conn.execute(text("DELETE FROM audit_log WHERE seq >= :s"), {"s": last - 1})
    check = service.verify_audit(actors.admin)
    assert not check.ok
    assert check.broken_seq == {"update": last - 1, "delete": last - 2,
                                "truncate": last - 1}[tamper]
    with pytest.raises(PermissionDenied):
        service.verify_audit(actors.examiner)


def test_registry_import_and_replace(service, actors, tmp_path):
    path = registry_csv(tmp_path, [f"{NIP_DISDIK},Budi Santoso,Kepala Seksi,64-DISDIK,64"])
    assert service.import_registry(actors.analyst, path) == 1
    assert service.find_asn(actors.intake, NIP_DISDIK).name == "Budi Santoso"
    with pytest.raises(InputFileError) as info:
        service.import_registry(actors.analyst, path)
    assert (info.value.line, info.value.field) == (2, "nip")
    replaced = registry_csv(tmp_path, [f"{NIP_SAMARINDA},Siti,Analis,64.72-BKPSDM,64.72"])
    assert service.import_registry(actors.analyst, replaced, replace=True) == 1
    assert service.find_asn(actors.intake, NIP_DISDIK) is None
    with pytest.raises(PermissionDenied):
        service.import_registry(actors.examiner, replaced)


@pytest.mark.parametrize(("bad_row", "field"), [
    ("198502302010011004,Andi,Camat,64.72-KEC-SU,64.72.01", "nip"),
    ("197812242005011003,,Camat,64.72-KEC-SU,64.72.01", "name"),
    ("197812242005011003,Andi,Camat,64.99-TIDAK-ADA,64.99", "agency_code"),
    ("197812242005011003,Andi,Camat,64.72-KEC-SU,Samarinda", "region_code"),
    (f"{NIP_DISDIK},Budi Lagi,Guru,64-DISDIK,64", "nip"),  # repeats line 2
])
def test_failed_import_names_line_and_field_and_changes_nothing(service, actors, tmp_path,
                                                                monkeypatch, bad_row, field):
    monkeypatch.setattr("netral.cases.service.REGISTRY_CHUNK", 2)  # error after a commit-size
    rows = [f"{NIP_DISDIK},Budi Santoso,Kepala Seksi,64-DISDIK,64",
            f"{NIP_SAMARINDA},Siti Rahmawati,Analis,64.72-BKPSDM,64.72",
            "198001012005011001,Ahmad,Guru,64-DISDIK,64",
            bad_row]
    path = registry_csv(tmp_path, rows)
    before = service.verify_audit(actors.admin).checked
    with pytest.raises(InputFileError) as info:
        service.import_registry(actors.admin, path)
    assert (info.value.path, info.value.line, info.value.field) == (str(path), 5, field)
    with service.store.transaction() as tx:
        assert tx.count_asn() == 0
    assert service.verify_audit(actors.admin).checked == before


def test_evidence_is_content_addressed_write_once_and_verified(service, actors, tmp_path):
    data = b"%PDF-1.4 surat edaran dukungan paslon"
    first = submit(service, actors, evidence=[EvidenceUpload("surat.pdf", io.BytesIO(data))])
    second = submit(service, actors, evidence=[EvidenceUpload("salinan.pdf", io.BytesIO(data))])
    ev1 = service.show_case(actors.intake, first.case_id).evidence[0]
    ev2 = service.show_case(actors.intake, second.case_id).evidence[0]
    assert ev1.sha256 == ev2.sha256 and ev1.media_type == "application/pdf"
    path = service.blobs.path_of(ev1.sha256)
    assert path.read_bytes() == data
    added = service.add_evidence(actors.examiner, first.case_id,
                                 EvidenceUpload("foto.jpg", io.BytesIO(b"JPEG foto apel")))
    assert added.media_type == "image/jpeg"
    with pytest.raises(PermissionDenied):
        service.add_evidence(actors.ppk_kaltim, first.case_id,
                             EvidenceUpload("x.txt", io.BytesIO(b"x")))
    path.chmod(0o644)
    path.write_bytes(b"%PDF-1.4 surat yang sudah diubah")
    with pytest.raises(BlobCorrupted):
        service.read_evidence(actors.intake, ev1.id)
    with pytest.raises(BlobCorrupted):  # re-uploading the original never overwrites
        submit(service, actors, evidence=[EvidenceUpload("surat.pdf", io.BytesIO(data))])


def test_users_first_admin_then_roles_and_login(service, actors):
    admin = service.create_user(None, "admin", "rahasia-admin-1", "admin")
    with pytest.raises(PermissionDenied):
        service.create_user(None, "kedua", "rahasia-admin-2", "admin")
    service.create_user(actors.admin, "ppk-kaltim", "sandi-ppk-kaltim", "agency_ppk",
                        agency_code="64")
    with pytest.raises(CaseError):
        service.create_user(actors.admin, "ppk-tanpa", "sandi-ppk-kaltim", "agency_ppk")
    with pytest.raises(PermissionDenied):
        service.create_user(actors.intake, "x", "sandi-panjang", "examiner")
    actor = service.authenticate("ppk-kaltim", "sandi-ppk-kaltim")
    assert actor.role == "agency_ppk" and actor.agency_path == actors.ppk_kaltim.agency_path
    assert service.authenticate("ppk-kaltim", "salah-sandi") is None
    assert admin.password_hash.startswith("$argon2")
