"""``netral serve`` is registered with its options; the demo seeding fills every status."""

from __future__ import annotations

from typer.testing import CliRunner

from netral.cases.workflow import CaseStatus
from netral.cli.main import app
from tests.web.conftest import Site


def test_serve_is_a_netral_command() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--demo"):
        assert option in result.output


def test_demo_has_cases_in_every_status_and_a_user_per_role(site: Site) -> None:
    admin = site.app.state.service.actor("admin")
    statuses = {r.status for r in site.app.state.casebook.visible(admin)}
    assert statuses == set(CaseStatus)
    roles = {u.role.value for u in site.users.values()}
    assert roles == {"admin", "intake_officer", "examiner", "bkn_analyst", "agency_ppk"}
    with site.app.state.service.store.transaction() as tx:
        assert tx.count_asn() >= 80
