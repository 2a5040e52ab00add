import dataclasses
import datetime as dt

from netral.cases.audit import GENESIS, make_entry, verify_chain

AT = dt.datetime(2024, 11, 28, 2, 0, tzinfo=dt.UTC)


def chain(n=5):
    entries, prev = [], None
    for i in range(n):
        prev = make_entry(prev, AT + dt.timedelta(minutes=i), "intake", "case.transition",
                          "case", 7, {"reason": f"langkah {i}", "to": "registered"})
        entries.append(prev)
    return entries


def test_intact_chain_verifies_with_its_head():
    entries = chain()
    check = verify_chain(entries, (5, entries[-1].hash))
    assert check.ok and check.checked == 5 and check.head_hash == entries[-1].hash
    assert entries[0].prev_hash == GENESIS


def test_altered_entry_is_named():
    entries = chain()
    entries[2] = dataclasses.replace(entries[2], data=entries[2].data.replace("2", "9"))
    check = verify_chain(entries)
    assert not check.ok and check.broken_seq == 3 and "altered" in check.problem


def test_rehashed_forgery_breaks_the_next_link():
    entries = chain()
    forged = make_entry(entries[1], AT, "intake", "case.transition", "case", 7, {"x": 1})
    entries[2] = forged
    check = verify_chain(entries)
    assert not check.ok and check.broken_seq == 4


def test_removed_and_reordered_entries_are_named():
    entries = chain()
    assert verify_chain(entries[:2] + entries[3:]).broken_seq == 3
    swapped = [entries[0], entries[2], entries[1], *entries[3:]]
    assert verify_chain(swapped).broken_seq == 2


def test_truncation_is_caught_by_the_head():
    entries = chain()
    check = verify_chain(entries[:3], (5, entries[-1].hash))
    assert not check.ok and check.broken_seq == 4 and "removed" in check.problem
    assert not verify_chain(entries, (0, GENESIS)).ok
