#!/usr/bin/env bash
# Mutation testing with PIT: mutates core (its vector kernels aside) and the runner's validate and
# yaml packages, runs the tests of every module that depends on them against those mutants, and
# prints the score per package. A mutant counts as killed when any module's tests kill it.
#
#   tools/mutation.sh [-m module,module,...] [-c 'class.glob,...'] [-k]
#
#   -m  the modules whose tests are run, in this order (default: every module that tests core or
#       the runner, core first, runner and spark last)
#   -c  the classes mutated (default: io.dendrite.core.*, io.dendrite.runner.validate.*,
#       io.dendrite.runner.yaml.*); narrow it while writing tests, e.g. -c 'io.dendrite.core.check.*'
#   -k  keep the reports of earlier analyses and count them too: after new tests, analyse again
#       only the modules and classes they test (the main code must not have changed since)
#
# One PIT analysis per module, one after the other, each with that module's own tests only. A class
# whose every mutant an earlier module killed is not mutated again (a kill is a kill, whoever made
# it); the others are, whole. Tests that run the CLI in a child process, Python or a browser can
# never kill a mutant (the child loads unmutated classes) and are left out, as are the fuzz tests
# (see the pom's pitest-maven configuration).
#
# PIT runs one thread (-Dthreads=1), as the machine is shared; not part of ./mvnw verify. Needs
# python3 (standard library only). MAVEN_REPO names the local Maven repository (default: Maven's
# own); the modules must be installed in it. Reports stay in each module's
# target/pit-reports-MODULE (HTML and mutations.xml); target/mutation/ holds the copies merged here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# spark's tests are the ones that train data-parallel (Trainer's StepExchange path).
modules=core,activations,losses,layers,optimizers,initializers,metrics,datasets,testkit,runner,spark
classes='io.dendrite.core.*,io.dendrite.runner.validate.*,io.dendrite.runner.yaml.*'
keep=false
while getopts "m:c:k" opt; do
  case "$opt" in
    m) modules="$OPTARG" ;;
    c) classes="$OPTARG" ;;
    k) keep=true ;;
    *) sed -n 2,24p "$0"; exit 2 ;;
  esac
done
repo=()
if [[ -n "${MAVEN_REPO:-}" ]]; then repo=("-Dmaven.repo.local=$MAVEN_REPO"); fi

# The vector kernels are measured against the scalar ones by their own tests; their mutants are
# mostly equivalent (lane counts, loop tails the JDK never takes on this machine).
excluded='io.dendrite.core.tensor.VectorFloatKernels*'
merged=target/mutation
if ! $keep; then rm -rf "$merged"; fi
mkdir -p "$merged"
started=$SECONDS

# The modules whose classes a module's tests may mutate: core, and the runner for spark's.
reactor_of() {
  case "$1" in
    core) echo core ;;
    spark) echo core,runner,spark ;;
    *) echo "core,$1" ;;
  esac
}

# Classes of the reports so far whose every mutant is killed: no later module can change them.
all_killed() {
  python3 - "$merged"/*.xml <<'PY'
import collections, sys
import xml.etree.ElementTree as ET
KILLED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR"}
state = collections.defaultdict(dict)
for path in sys.argv[1:]:
    for m in ET.parse(path).getroot().iter("mutation"):
        cls = m.findtext("mutatedClass")
        key = tuple("".join(m.find(k).itertext()).strip() if m.find(k) is not None else "" for k in ("mutatedMethod", "methodDescription", "mutator", "indexes", "lineNumber", "description"))
        state[cls][key] = state[cls].get(key, False) or m.get("status") in KILLED
print(",".join(sorted(c for c, ms in state.items() if ms and all(ms.values()))))
PY
}

for m in ${modules//,/ }; do
  step=$SECONDS
  done_classes=""
  if compgen -G "$merged/*.xml" >/dev/null; then done_classes="$(all_killed)"; fi
  # Only this module's tests (io.dendrite.<module>.*); the other modules of its reactor are there
  # for their classes, and find no test to run.
  set +e
  ./mvnw -B -q "${repo[@]}" -pl "$(reactor_of "$m")" -Dspotless.check.skip=true test-compile \
    org.pitest:pitest-maven:mutationCoverage \
    -DcrossModule=true -Dthreads=1 -DfailWhenNoMutations=false -DskipFailingTests=true \
    -DtargetClasses="$classes" -DexcludedClasses="$excluded${done_classes:+,$done_classes}" \
    -DtargetTests="io.dendrite.${m//-/}.*" -DreportsDirectory="target/pit-reports-$m" 2>&1 |
    grep -E -e 'ERROR|Generated [0-9]+ mutations' | grep -v 'Minion exited abnormally'
  status="${PIPESTATUS[0]}"
  set -e
  if [[ "$status" -ne 0 ]]; then echo "$m: PIT failed" >&2; exit 1; fi
  if [[ -f "$m/target/pit-reports-$m/mutations.xml" ]]; then
    report="$merged/$m.xml"
    if $keep && [[ -f "$report" ]]; then report="$merged/$m-$(date +%Y%m%d-%H%M%S).xml"; fi
    cp "$m/target/pit-reports-$m/mutations.xml" "$report"
  else
    echo "$m: no report (PIT failed?)" >&2
  fi
  echo "$m: $(( SECONDS - step )) s" >&2
done

python3 - "$merged"/*.xml <<'PY'
import collections, sys
import xml.etree.ElementTree as ET

KILLED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR"}
# One mutant is one (class, method, signature, mutator, indexes, line); any module may kill it.
status = {}
for path in sys.argv[1:]:
    for m in ET.parse(path).getroot().iter("mutation"):
        key = tuple("".join(m.find(k).itertext()).strip() if m.find(k) is not None else "" for k in ("mutatedClass", "mutatedMethod", "methodDescription", "mutator", "indexes", "lineNumber", "description"))
        s = m.get("status")
        old = status.get(key)
        if old is None or s in KILLED or (old == "NO_COVERAGE" and s != "NO_COVERAGE"):
            if old not in KILLED:
                status[key] = s
per = collections.defaultdict(collections.Counter)
for key, s in status.items():
    package = key[0].rsplit(".", 1)[0]
    per[package]["all"] += 1
    per[package]["killed"] += s in KILLED
    per[package]["uncovered"] += s == "NO_COVERAGE"
def line(name, c):
    score = 100.0 * c["killed"] / c["all"] if c["all"] else 0.0
    print(f"{name:<40} {c['all']:>8} {c['killed']:>8} {c['uncovered']:>10} {score:>6.1f} %")
print(f"{'package':<40} {'mutants':>8} {'killed':>8} {'uncovered':>10} {'score':>8}")
total = collections.Counter()
for package in sorted(per):
    line(package, per[package])
    total.update(per[package])
line("all", total)
print(f"({len(sys.argv) - 1} module reports merged: {', '.join(p.rsplit('/', 1)[1][:-4] for p in sys.argv[1:])})")
PY
echo "PIT over $modules: $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
