"""The issue's acceptance path through the command line, on both databases."""

import re

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from netral.cli.main import app


def test_anonymous_report_to_sanction_and_closing_then_tamper(database_url, tmp_path,
                                                              monkeypatch, rulebook,
                                                              fast_password_hashing):
    monkeypatch.setenv("NETRAL_DATABASE_URL", database_url)
    monkeypatch.setenv("NETRAL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NETRAL_NEW_PASSWORD", "sandi-kuat-2024")
    monkeypatch.delenv("NETRAL_SECRET_KEY", raising=False)
    # Each command would reload the rulebook (seconds on a busy machine); hand it the loaded one.
    monkeypatch.setattr("netral.cli.cases.cli_rulebook", lambda: rulebook)
    runner = CliRunner()

    def run(*args, user=None, code=0):
        env = {"NETRAL_USER": user} if user else {}
        result = runner.invoke(app, ["--lang", "en", *args], env=env)
        assert result.exit_code == code, result.output
        return result.output

    run("db", "upgrade")
    run("users", "add", "admin", "--role", "admin")
    run("agencies", "import", user="admin")
    for name, role, agency in (("intake", "intake_officer", None), ("pemeriksa", "examiner", None),
                               ("analis", "bkn_analyst", "BKN"), ("ppk", "agency_ppk", "64")):
        run("users", "add", name, "--role", role, *(["--agency", agency] if agency else []),
            user="admin")
    asn = tmp_path / "asn.csv"
    asn.write_text("nip,name,position,agency_code,region_code\n"
                   "198503122010011004,Budi Santoso,Kepala Seksi Kurikulum,64-DISDIK,64\n")
    assert "Imported 1" in run("registry", "import", str(asn), user="admin")
    shot = tmp_path / "tangkapan-layar.png"
    shot.write_bytes(b"\x89PNG grup WhatsApp guru")
    out = run("report", "submit", "--text", "Kasi Kurikulum Disdik Kaltim mengajak memilih "
              "paslon nomor 2 di grup WhatsApp guru.", "--evidence", str(shot))
    code = re.search(r"NTR-\w{4}-\w{4}-\w{4}", out).group(0)
    assert "received" in run("report", "status", code)
    run("case", "transition", "1", "preliminary_review", "--reason", "Kajian awal", user="intake")
    run("case", "transition", "1", "registered", "--reason", "Memenuhi syarat",
        "--nip", "198503122010011004", user="intake")
    run("case", "transition", "1", "clarification", "--reason", "Undangan", user="pemeriksa")
    run("case", "transition", "1", "examined", "--reason", "Selesai", user="pemeriksa")
    run("case", "transition", "1", "recommendation_issued", "--reason", "Terbukti",
        "--act", "ethics-online-campaign", user="analis")
    run("case", "transition", "1", "closed", "--reason", "Lompat", user="analis", code=2)
    run("case", "transition", "1", "sanction_imposed", "--reason", "Sanksi moral",
        "--decree", "800/1234/BKD/2024", user="ppk")
    assert "closed" in run("case", "transition", "1", "closed", "--reason", "Selesai",
                           user="analis")
    shown = run("case", "show", "1", user="analis")
    assert "Sanction: moral" in shown and "tangkapan-layar.png" in shown
    assert "intact" in run("audit", "verify", user="admin")

    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET data = replace(data, 'Terbukti', 'Tidak') "
                          "WHERE action = 'case.transition' AND data LIKE '%Terbukti%'"))
        seq = conn.execute(text("SELECT seq FROM audit_log WHERE data LIKE '%Tidak%'")).scalar()
    engine.dispose()
    broken = run("audit", "verify", user="admin", code=1)
    assert f"BROKEN at entry {seq}" in broken
