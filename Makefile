# The project's commands. `make up` runs everything locally, `make test` runs all the tests.
# The logic lives in scripts/; each target is one line.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Arguments, as in the reference: make run app=users port=5000 workers=4 (no workers: one per core)
app     ?= users
port    ?= $(if $(filter promotion,$(app)),5001,5000)
workers ?=
tasks   ?= 4
name    ?=
seconds ?= 60

.PHONY: help deps build build-dev build-asan build-web up down test migrate run run-consumer \
        create-migration stack stack-stop stack-status rotate-keys retire-keys clean bench bench-quick format tidy fuzz \
        up-cluster test-cluster bench-cluster

help: ## this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

deps: ## install the Debian packages (no-op when present)
	scripts/install-deps.sh

build: ## release build: build/release
	cmake --preset release && cmake --build --preset release

build-dev: ## debug build: build/dev
	cmake --preset dev && cmake --build --preset dev

build-asan: ## ASan+UBSan build: build/asan
	cmake --preset asan && cmake --build --preset asan

build-web: ## the web app: web/src type-checked and bundled by Vite into web/dist
	scripts/build-web.sh

up: deps build build-web ## dev stack + migrations + both services (5000, 5001) + consumer + front door (8080); Ctrl-C stops all
	scripts/up.sh

down: ## stop what `make up` or `make up-cluster` started, and the dev stack or the cluster
	scripts/down.sh

up-cluster: deps build build-web ## 3 RabbitMQ nodes, 3 PostgreSQL under Patroni, 2 replicas of each process, front door (20280); Ctrl-C stops all
	scripts/up-cluster.sh

test: ## dev + asan builds, test stack, all tests, asan unit tests, fuzz targets (10 s each)
	scripts/test.sh

test-cluster: ## fault tests on a fresh cluster: SIGKILL a RabbitMQ node, the PostgreSQL leader, replicas (counters)
	scripts/test-cluster.sh

migrate: build ## make migrate app=users|promotion
	scripts/service.sh $(app) migrate

run: build ## make run app=users port=5000 workers=4
	scripts/service.sh $(app) serve --port $(port) $(if $(workers),--workers $(workers))

run-consumer: build ## make run-consumer tasks=4
	scripts/service.sh promotion consume --tasks $(tasks)

create-migration: ## make create-migration app=users name=add_index
	scripts/create-migration.sh '$(app)' '$(name)'

stack: ## start the dev PostgreSQL and RabbitMQ (scripts/stack.sh start dev)
	scripts/stack.sh start dev

stack-stop: ## stop the dev stack
	scripts/stack.sh stop dev

stack-status: ## state of the dev and test stacks
	@scripts/stack.sh status dev || true
	@scripts/stack.sh status test || true

bench: ## benchmark B1..B7 on its own stack (3 runs each, < 10 min): bench/results/latest.md
	bench/run.sh

bench-quick: ## the same, 1 short run each (< 2 min on a quiet machine)
	bench/run.sh --quick

bench-cluster: ## login, first login -> voucher and grants/s on one node and on the cluster: bench/results/cluster.md
	bench/cluster.sh

fuzz: ## libFuzzer targets (build/fuzz), 60 s each: make fuzz seconds=300
	scripts/fuzz.sh $(seconds)

format: ## format every C++ file with .clang-format (`make test` fails on a file that differs)
	scripts/format.sh

tidy: ## clang-tidy (.clang-tidy) over the dev build's sources
	cmake --preset dev >/dev/null && run-clang-tidy -quiet -p build/dev '^$(CURDIR)/(libs|services)/'

rotate-keys: ## new signing key; the old public key keeps verifying (restart users-service to sign with it)
	scripts/keys.sh rotate

retire-keys: ## delete previous keys retired more than 31 minutes ago (every token they signed has expired)
	scripts/keys.sh retire

clean: ## remove build/ (keeps .run/: stack data and keys)
	rm -rf build
