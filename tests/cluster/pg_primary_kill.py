"""Fault test 2: SIGKILL the PostgreSQL leader (Patroni and the postmaster: a crash) during first logins and
the grants they cause. A standby is promoted; logins in the gap answer 503, never 500 and never a token
without a committed first login; afterwards every acknowledged first login has its event, every grant its
voucher, and invariants 3-5 hold. Reports how long the gap lasted. The killed member rejoins as a standby."""

import time

from harness import (PASSWORD, Counters, Logins, System, check_campaign, check_first_logins, cluster, http, log,
                     main, wait_for)

USERS, VOUCHERS, KILL_AFTER = 600, 300, 150


def check_redeem(system, counters, identifier):
    """Invariant 5 through the API after the failover: a voucher is redeemed once (200, then 409)."""
    status, body = http("POST", f"{system.front_door}/users/login", {"identifier": identifier, "password": PASSWORD})
    token = body["token"] if status == 200 else None
    status, body = http("GET", f"{system.front_door}/vouchers", token=token)
    vouchers = body.get("vouchers", []) if status == 200 else []
    counters.check(len(vouchers) == 1, f"{identifier} sees its one voucher (got {status}, {len(vouchers)})")
    if vouchers:
        first = http("POST", f"{system.front_door}/vouchers/{vouchers[0]['id']}/redeem", token=token)[0]
        second = http("POST", f"{system.front_door}/vouchers/{vouchers[0]['id']}/redeem", token=token)[0]
        counters.check((first, second) == (200, 409), f"invariant 5: redeem 200 then 409 (got {first}, {second})")


def scenario():
    counters = Counters("PostgreSQL: SIGKILL of the leader during first logins and grants")
    system = System("pg", 2)
    old = None
    try:
        system.start()
        campaign = system.create_campaign(VOUCHERS)
        identifiers = system.seed_users(USERS)
        old = cluster("pg-leader")
        logins = Logins(system, counters, identifiers).start()
        while logins.count() < KILL_AFTER:
            time.sleep(0.05)
        killed_at = time.monotonic()
        cluster("kill-pg-leader")
        # Until its key expires, the others still name the dead member as the leader.
        new = wait_for("a new PostgreSQL leader", lambda: (leader := cluster("pg-leader", check=False)) != old and leader,
                       60, interval=0.2)
        promoted = time.monotonic() - killed_at
        logins.join(300)
        # The gap as the clients saw it: the longest stretch after the kill with no login answered 200. (Backends
        # of the killed postmaster finish what they were doing, so a login or two may still succeed at first.)
        successes = sorted([killed_at] + [finished for _, status, _, finished in logins.answers
                                          if status == 200 and finished >= killed_at])
        gap = max(b - a for a, b in zip(successes, successes[1:])) if len(successes) > 1 else float("nan")
        gap_503 = sum(1 for _, status, started, _ in logins.answers if status == 503 and started >= killed_at)
        counters.figure(f"leader pg{old} killed; pg{new} leads {promoted:.1f}s later; no login succeeded for "
                        f"{gap:.1f}s; {gap_503} answers 503 meanwhile (each retried)")
        check_first_logins(system, counters, logins)
        check_campaign(system, counters, campaign, VOUCHERS, USERS)
        owner = system.promotion_db.value("SELECT user_id FROM vouchers ORDER BY issued_at LIMIT 1")
        check_redeem(system, counters, system.users_db.value(f"SELECT username FROM users WHERE id = '{owner}'"))
        counters.check(not system.exited(), f"no service exited by itself (exited: {system.exited()})")
    finally:
        system.stop()
        if old:
            cluster("start-pg-member", old)
            log(f"pg{old} started again; it rejoins as a standby")
    return counters


if __name__ == "__main__":
    main(scenario)
