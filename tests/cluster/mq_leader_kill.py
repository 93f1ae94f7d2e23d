"""Fault test 1: SIGKILL the RabbitMQ node that leads the first-login queue during 1,000 first logins against
a campaign of 100. Nothing is lost (every outbox event ends processed), exactly 100 vouchers, none twice; the
relays and the consumers reconnect to the other nodes by themselves. The killed node is started again."""

import time

from harness import Counters, Logins, System, check_campaign, check_first_logins, cluster, log, main

USERS, VOUCHERS, KILL_AFTER = 1000, 100, 250


def scenario():
    counters = Counters("RabbitMQ: SIGKILL of the queue leader during 1,000 first logins")
    system = System("mq", 1)
    leader = None
    try:
        system.start()
        campaign = system.create_campaign(VOUCHERS)
        identifiers = system.seed_users(USERS)
        leader = cluster("mq-queue-leader", system.queue)
        log(f"queue {system.queue} is led by node {leader}")
        logins = Logins(system, counters, identifiers).start()
        while logins.count() < KILL_AFTER:
            time.sleep(0.05)
        killed_at, killed_wall = time.monotonic(), time.time()
        cluster("kill-mq-node", leader)
        log(f"node {leader} killed after {logins.count()} acknowledged logins")
        logins.join(300)
        counters.figure(f"logins: {len(logins.acknowledged)} acknowledged, "
                        f"{time.monotonic() - killed_at:.1f}s from the kill to the last")
        new_leader = cluster("mq-queue-leader", system.queue, check=False)
        counters.figure(f"queue leader: node {leader} killed, node {new_leader or 'none'} leads")
        counters.check(new_leader not in ("", leader), "another node leads the queue")
        check_first_logins(system, counters, logins)
        counters.figure(f"events checked {time.monotonic() - killed_at:.1f}s after the kill")
        # Recovery as the pipeline saw it: the longest pause between two processed events after the kill.
        times = [killed_wall] + [float(row[0]) for row in system.promotion_db.rows(
            f"SELECT extract(epoch FROM processed_at) FROM processed_events"
            f" WHERE processed_at >= to_timestamp({killed_wall}) ORDER BY processed_at")]
        counters.figure(f"longest pause in processing after the kill: {max(b - a for a, b in zip(times, times[1:])):.2f}s"
                        if len(times) > 1 else "no event processed after the kill")
        check_campaign(system, counters, campaign, VOUCHERS, USERS)
        counters.check(not system.exited(), f"no service exited by itself (exited: {system.exited()})")
    finally:
        system.stop()
        if leader:
            cluster("start-mq-node", leader)
            log(f"node {leader} started again")
    return counters


if __name__ == "__main__":
    main(scenario)
