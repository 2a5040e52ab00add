"""``netral serve --demo``: a fresh database with a realistic East Kalimantan demo.

The Kaltim agency tree (province, cities and regencies with their offices), a few hundred
ASN registry records, reports filed from screened demo posts and walked through the
workflow by the demo officers so that every status has cases, and one user per role. All of
it goes through the case service, exactly as real use would; nothing is written behind it.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from netral.cases.models import Channel, ReporterIdentity
from netral.cases.registry import AgencyRow, bundled_agencies_csv, read_agencies
from netral.cases.roles import Actor, Role
from netral.cases.service import CaseService
from netral.cases.workflow import CaseStatus
from netral.screening.selfcheck import SelfChecker
from netral.web.screening import answer_findings

FIRST = ["Andi", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gusti", "Hendra", "Indah", "Joko",
         "Kartika", "Lestari", "Muhammad", "Nur", "Oktavia", "Putri", "Rahmat", "Siti", "Taufik",
         "Wahyuni", "Yusuf", "Zainal", "Ayu", "Bayu", "Rina", "Ahmad", "Sri", "Agus", "Ratna",
         "Irfan"]
LAST = ["Saputra", "Hidayat", "Rahmawati", "Wijaya", "Pratama", "Nugroho", "Syahrani",
        "Kurniawan", "Lestari", "Mas'ud", "Setiawan", "Handayani", "Firmansyah", "Susanti",
        "Ramadhan", "Anggraini", "Fauzi", "Maulana", "Permata", "Utomo"]
POSITIONS = ["Guru Ahli Pertama", "Guru Ahli Muda", "Camat", "Lurah", "Sekretaris Camat",
             "Analis Kepegawaian", "Perawat Ahli Pertama", "Pengelola Keuangan", "Kepala Seksi",
             "Kepala Bidang", "Staf Pelaksana", "Penyuluh", "Pranata Komputer", "Bidan"]
RANKS = ["III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "II/c", "II/d"]

# Posts seen in reports: what people copy from Facebook, WhatsApp groups and Instagram.
DEMO_POSTS = [
    "Ayo coblos nomor 2 Rudy Mas'ud - Seno Aji, Kaltim maju! #RudySeno",
    "Bapak ibu guru se-Kecamatan Tenggarong, Sabtu besok kita wajib hadir kampanye akbar "
    "paslon 1 di lapangan, absen kampanye dicek ya.",
    "Lurah kami memasang baliho paslon nomor 2 di pagar kantor kelurahan, foto terlampir.",
    "Seorang guru PNS membagikan ulang postingan akun relawan Isran-Hadi dengan komentar "
    "'lanjutkan, mantap!' di Facebook.",
    "Camat hadir di panggung deklarasi dan ikut bersorak mendukung Andi Harun, pakai kaos paslon.",
    "Kepala dinas mengumpulkan pegawai di aula kantor dan mengarahkan agar memilih paslon 2.",
    "Foto selfie ASN Dinkes dengan calon gubernur sambil salam dua jari diunggah ke Instagram.",
    "Pegawai kecamatan menjadi koordinator relawan tim pemenangan Rahmad Mas'ud di Balikpapan.",
    "Mobil dinas plat merah dipakai mengangkut kaos dan stiker kampanye ke posko relawan.",
    "ASN Bappeda ikut bagi sembako atas nama paslon bupati menjelang pencoblosan.",
    "Sekretaris camat punya kartu anggota partai dan tercatat sebagai pengurus partai tingkat DPC.",
    "Di grup WhatsApp kantor, kepala seksi menulis: pilih nomor 1 ya, jangan sampai salah coblos.",
    "Guru honorer dan PNS disuruh mengumpulkan fotokopi KTP warga untuk surat dukungan calon.",
    "Kepala bidang memutasi staf yang ketahuan mendukung paslon lain, surat edaran beredar.",
    "PNS Satpol PP like dan komen 'gaskeun 02' di postingan tim sukses Rudy Seno.",
    "Perawat puskesmas unggah story dengan pose jari satu dan tulisan 'Isran lanjut 2 periode'.",
    "Pejabat dinas pendidikan jadi pembicara di acara sosialisasi calon di balai desa.",
    "Lurah mengajak warga RT 05 memilih Andi Harun melawan kotak kosong saat rapat warga.",
    "Bidan desa pasang stiker paslon 2 di motor dinas dan parkir di depan puskesmas.",
    "ASN BKD ikut konvoi kampanye sambil membawa bendera partai pengusung.",
    "Kami melihat Kepala Sekolah SMPN memberi imbauan memilih calon tertentu saat upacara.",
    "Pegawai Dishub memasang spanduk calon wali kota di tiang lampu jalan menggunakan truk dinas.",
]
REPORTERS = [
    ReporterIdentity(name="Warga Samarinda Ulu", phone="0812-5500-1234"),
    ReporterIdentity(name="Rini Astuti", email="rini.astuti@example.org"),
    ReporterIdentity(name="Pemantau Pemilu KIPP Kaltim", phone="0541-777-120"),
]
# The statuses the demo fills, with the path from "received" to each.
PATHS: dict[CaseStatus, list[CaseStatus]] = {
    CaseStatus.RECEIVED: [],
    CaseStatus.PRELIMINARY_REVIEW: [CaseStatus.PRELIMINARY_REVIEW],
    CaseStatus.DISMISSED: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.DISMISSED],
    CaseStatus.REGISTERED: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED],
    CaseStatus.CLARIFICATION: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED,
                               CaseStatus.CLARIFICATION],
    CaseStatus.EXAMINED: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED,
                          CaseStatus.CLARIFICATION, CaseStatus.EXAMINED],
    CaseStatus.RECOMMENDATION_ISSUED: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED,
                                       CaseStatus.CLARIFICATION, CaseStatus.EXAMINED,
                                       CaseStatus.RECOMMENDATION_ISSUED],
    CaseStatus.NOT_PROVEN: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED,
                            CaseStatus.CLARIFICATION, CaseStatus.EXAMINED,
                            CaseStatus.NOT_PROVEN],
    CaseStatus.SANCTION_IMPOSED: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED,
                                  CaseStatus.CLARIFICATION, CaseStatus.EXAMINED,
                                  CaseStatus.RECOMMENDATION_ISSUED,
                                  CaseStatus.SANCTION_IMPOSED],
    CaseStatus.CLOSED: [CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED,
                        CaseStatus.CLARIFICATION, CaseStatus.EXAMINED, CaseStatus.NOT_PROVEN,
                        CaseStatus.CLOSED],
}
REASONS = {
    CaseStatus.PRELIMINARY_REVIEW: "Laporan diterima, kelengkapan diperiksa.",
    CaseStatus.REGISTERED: "Syarat formal dan materiel terpenuhi; terlapor ditemukan di registri.",
    CaseStatus.DISMISSED: "Terlapor bukan ASN (tenaga kontrak swasta).",
    CaseStatus.CLARIFICATION: "Undangan klarifikasi dikirim ke terlapor dan saksi.",
    CaseStatus.EXAMINED: "Klarifikasi selesai; berita acara ditandatangani.",
    CaseStatus.RECOMMENDATION_ISSUED: "Terbukti berdasarkan bukti tangkapan layar dan keterangan "
                                      "saksi.",
    CaseStatus.NOT_PROVEN: "Bukti tidak cukup: akun tidak dapat dipastikan milik terlapor.",
    CaseStatus.SANCTION_IMPOSED: "Sanksi dijatuhkan sesuai rekomendasi.",
    CaseStatus.CLOSED: "Berkas ditutup.",
}


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    password: str
    role: Role
    agency: str | None
    display_name: str


def _nip(rng: random.Random, seq: int) -> str:
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 33))
    start_year = birth.year + rng.randrange(22, 32)
    start_year = min(start_year, 2022)
    month = rng.randrange(1, 13)
    gender = rng.choice("12")
    return f"{birth:%Y%m%d}{start_year}{month:02d}{gender}{seq % 999 + 1:03d}"


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


_GOVERNMENT = re.compile(r"^Pemerintah (Provinsi|Kota|Kabupaten) ")
PPK_KINDS = ("province", "city", "regency")


def demo_users(agencies: list[AgencyRow]) -> list[DemoUser]:
    """One user per role, and one PPK per regional government of the agency tree."""

    def pw() -> str:
        return secrets.token_urlsafe(9)

    users = [
        DemoUser("admin", pw(), Role.ADMIN, None, "Administrator Netral"),
        DemoUser("bawaslu", pw(), Role.INTAKE_OFFICER, None, "Petugas Penerimaan Bawaslu Kaltim"),
        DemoUser("pemeriksa", pw(), Role.EXAMINER, None, "Pemeriksa Bawaslu Kaltim"),
        DemoUser("bkn", pw(), Role.BKN_ANALYST, None, "Analis BKN Kantor Regional VIII"),
    ]
    for row in agencies:
        if row.kind.value in PPK_KINDS:
            short = _GOVERNMENT.sub("", row.name).lower().replace(" ", "-")
            users.append(DemoUser(f"ppk-{short}", pw(), Role.AGENCY_PPK, row.code,
                                  f"PPK {row.name}"))
    return users


def seed_demo(service: CaseService, checker: SelfChecker, *, registry_size: int = 300,
              reports: int = 70, seed: int = 2024, workdir: Path | None = None) -> list[DemoUser]:
    """Fill an empty database through the service; returns the users with their passwords."""
    rng = random.Random(seed)
    workdir = workdir or Path(tempfile.mkdtemp(prefix="netral-demo-"))
    agencies = read_agencies(bundled_agencies_csv())
    users = demo_users(agencies)
    admin_user = users[0]
    service.create_user(None, admin_user.username, admin_user.password, Role.ADMIN,
                        display_name=admin_user.display_name)
    admin = service.actor(admin_user.username)
    service.import_agencies(admin, bundled_agencies_csv())
    for user in users[1:]:
        service.create_user(admin, user.username, user.password, user.role,
                            agency_code=user.agency, display_name=user.display_name)

    # Reported ASN work in the regional offices (the BKN and ministry rows are oversight).
    roots = {r.code: r.parent_code or r.code for r in agencies}
    units = [(r.code, r.region_code) for r in agencies
             if r.kind.value == "unit" and r.region_code]
    registry = []
    seen: set[str] = set()
    while len(registry) < registry_size:
        nip = _nip(rng, len(registry))
        if nip in seen:
            continue
        seen.add(nip)
        code, region = rng.choice(units)
        registry.append([nip, f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(POSITIONS),
                         code, region, rng.choice(RANKS)])
    service.import_registry(admin, _write_csv(
        workdir / "registry.csv",
        ["nip", "name", "position", "agency_code", "region_code", "rank"], registry))

    actors = {u.role: service.actor(u.username) for u in users if u.role != Role.AGENCY_PPK}
    ppk_by_agency = {u.agency: service.actor(u.username) for u in users
                     if u.role == Role.AGENCY_PPK}
    targets = list(PATHS)
    by_root: dict[str, list[list[str]]] = {}
    for row in registry:
        by_root.setdefault(roots[row[3]], []).append(row)
    order = {"city": 0, "province": 1, "regency": 2}
    ppk_roots = sorted(by_root, key=lambda code: (order.get(
        next(r.kind.value for r in agencies if r.code == code), 3), code), reverse=False)
    now = service.clock()
    real_clock = service.clock
    try:
        for i in range(reports):
            text = DEMO_POSTS[i % len(DEMO_POSTS)]
            # Each round through the statuses moves to the next regional government, so every
            # PPK has cases at every stage once there are enough reports.
            root = ppk_roots[(i // len(targets)) % len(ppk_roots)]
            person = rng.choice(by_root[root])
            received = now - dt.timedelta(days=rng.randrange(2, 75), hours=rng.randrange(0, 10))
            reporter = REPORTERS[i % len(REPORTERS)] if i % 3 else None
            answer = checker.check(text)
            service.clock = lambda at=received: at  # the demo's history happened in the past
            submitted = service.submit_report(
                Actor.public(), text, channel=Channel.WEB if i % 4 else Channel.BAWASLU,
                reporter=reporter, anonymous=reporter is None,
                reported_person=f"{person[1]}, {person[2]}",
                screening_id=answer.screening.id if answer.screening else "demo",
                findings=answer_findings(service.rulebook, answer), received_at=received)
            target = targets[i % len(targets)]
            at = received
            for step in PATHS[target]:
                at = at + dt.timedelta(days=rng.randrange(1, 5), hours=rng.randrange(1, 6))
                at = min(at, now)
                service.clock = lambda at=at: at
                actor = _actor_for(step, actors, ppk_by_agency, roots[person[3]])
                acts = [f.act for f in answer_findings(service.rulebook, answer)][:2]
                service.transition_case(
                    actor, submitted.case_id, step, REASONS[step],
                    reported_nip=person[0] if step == CaseStatus.REGISTERED else None,
                    act_ids=acts or ["other-violation"],
                    decree_number=f"800.1.6/{rng.randrange(100, 999)}/BKD/{at.year}",
                    note="Mohon ditindaklanjuti sesuai PP 94/2021.")
    finally:
        service.clock = real_clock
    return users


def _actor_for(step: CaseStatus, actors: dict[Role, Actor], ppk_by_agency: dict[str, Actor],
               root: str) -> Actor:
    if step in (CaseStatus.PRELIMINARY_REVIEW, CaseStatus.REGISTERED, CaseStatus.DISMISSED):
        return actors[Role.INTAKE_OFFICER]
    if step in (CaseStatus.CLARIFICATION, CaseStatus.EXAMINED):
        return actors[Role.EXAMINER]
    if step == CaseStatus.SANCTION_IMPOSED:
        return ppk_by_agency[root]
    return actors[Role.BKN_ANALYST]
