"""The reads of ``accounts``: which authorisations count as active."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tongban.accounts.queries import (
    active_authorizations,
    agent_may_act_for_enterprise,
    fetch_enterprises_for_agent,
    fetch_principals_for_agent,
)
from tongban.accounts.services import do_authorize_agent, do_upsert_enterprise

pytestmark = pytest.mark.django_db


@time_machine.travel("2027-03-10 10:00 +0800", tick=False)
def test_an_expired_authorisation_no_longer_lists_its_enterprise_or_principal(citizen, other_citizen):
    enterprise = do_upsert_enterprise(credit_code="91410200MA9TEQ007A", name="开封市汴梁食品有限公司")
    do_authorize_agent(citizen, enterprise, actor=None, valid_until=date(2027, 3, 9))
    do_authorize_agent(citizen, other_citizen, actor=None, valid_until=date(2027, 3, 9))

    assert list(fetch_enterprises_for_agent(citizen)) == []
    assert list(fetch_principals_for_agent(citizen)) == []
    assert not agent_may_act_for_enterprise(citizen, enterprise)
    assert not active_authorizations(citizen).exists()


@time_machine.travel("2027-03-10 10:00 +0800", tick=False)
def test_an_authorisation_valid_through_today_still_counts(citizen, other_citizen):
    enterprise = do_upsert_enterprise(credit_code="91410200MA9TEQ007A", name="开封市汴梁食品有限公司")
    do_authorize_agent(citizen, enterprise, actor=None, valid_until=date(2027, 3, 10))
    do_authorize_agent(citizen, other_citizen, actor=None)

    assert list(fetch_enterprises_for_agent(citizen)) == [enterprise]
    assert list(fetch_principals_for_agent(citizen)) == [other_citizen]
    assert agent_may_act_for_enterprise(citizen, enterprise)
