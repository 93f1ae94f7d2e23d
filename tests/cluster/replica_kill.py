"""Fault test 3: SIGKILL one users replica and one consumer mid-burst. The front door sends what the dead
replica would have had to the other (only a login already sent to it may answer 503, and is retried); the
deliveries the dead consumer had not acknowledged come again to the other one and are deduplicated; nothing is
lost or doubled."""

import time

from harness import Counters, Logins, System, check_campaign, check_first_logins, log, main

USERS, VOUCHERS, KILL_AFTER = 500, 200, 150


def scenario():
    counters = Counters("replicas: SIGKILL of users-1 and consumer-1 mid-burst")
    system = System("replicas", 3)
    try:
        system.start()
        campaign = system.create_campaign(VOUCHERS)
        identifiers = system.seed_users(USERS)
        logins = Logins(system, counters, identifiers).start()
        while logins.count() < KILL_AFTER:
            time.sleep(0.05)
        system.kill("users-1")
        system.kill("consumer-1")
        killed_at = time.monotonic()
        log(f"killed after {logins.count()} acknowledged logins")
        logins.join(300)
        # Logins sent after the kill never reach the dead replica's socket: nginx takes the refused connection
        # to the other replica. A 503 for one of them means the front door did not route around the dead one.
        after = [status for _, status, started, _ in logins.answers if started > killed_at]
        in_flight = sum(1 for _, status, started, _ in logins.answers if status == 503 and started <= killed_at)
        counters.unexpected += sum(1 for status in after if status == 503)
        counters.figure(f"{len(after)} logins sent after the kill, {sum(s == 200 for s in after)} answered 200; "
                        f"{in_flight} in flight on the dead replica answered 503 (retried)")
        check_first_logins(system, counters, logins)
        check_campaign(system, counters, campaign, VOUCHERS, USERS)
        counters.check(not system.exited(), f"no other process exited (exited: {system.exited()})")
    finally:
        system.stop()
    return counters


if __name__ == "__main__":
    main(scenario)
