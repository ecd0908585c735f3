#!/usr/bin/env bash
# Mutation testing with PIT: mutates core (its vector kernels aside) and the runner's validate and
# yaml packages, runs the tests of every module that depends on them against those mutants, and
# prints the score per package. A mutant counts as killed when any module's tests kill it.
#
#   tools/mutation.sh [-m module,module,...] [-c 'class.glob,...'] [-t 'test.glob,...']
#
#   -m  the modules whose tests are run (default: every module that tests core or the runner)
#   -c  the classes mutated (default: io.dendrite.core.*, io.dendrite.runner.validate.*,
#       io.dendrite.runner.yaml.*); narrow it while writing tests, e.g. -c 'io.dendrite.core.check.*'
#   -t  the tests run (default: every test but the fuzz tests)
#
# Slow (PIT runs one thread, -Dthreads=1, as the machine is shared): the whole analysis takes the
# better part of an hour; not part of ./mvnw verify. Needs python3 (standard library only).
# MAVEN_REPO names the local Maven repository (default: Maven's own). Reports stay in each module's
# target/pit-reports (HTML and mutations.xml).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# spark's tests are the ones that train data-parallel (Trainer's StepExchange path).
modules=core,testkit,activations,losses,optimizers,initializers,layers,metrics,datasets,runner,spark
classes='io.dendrite.core.*,io.dendrite.runner.validate.*,io.dendrite.runner.yaml.*'
tests='io.dendrite.*'
while getopts "m:c:t:" opt; do
  case "$opt" in
    m) modules="$OPTARG" ;;
    c) classes="$OPTARG" ;;
    t) tests="$OPTARG" ;;
    *) sed -n 2,16p "$0"; exit 2 ;;
  esac
done
repo=()
if [[ -n "${MAVEN_REPO:-}" ]]; then repo=("-Dmaven.repo.local=$MAVEN_REPO"); fi

# The vector kernels are measured against the scalar ones by their own tests; their mutants are
# mostly equivalent (lane counts, loop tails the JDK never takes on this machine).
excluded='io.dendrite.core.tensor.VectorFloatKernels*'

# crossModule: each module's tests also see mutants of the modules it depends on, so core's
# classes are mutated in every module and the results are merged below.
./mvnw -B -q "${repo[@]}" -pl "$modules" -Dspotless.check.skip=true test-compile \
  org.pitest:pitest-maven:mutationCoverage \
  -DcrossModule=true -Dthreads=1 -DfailWhenNoMutations=false -DskipFailingTests=true \
  -DtargetClasses="$classes" -DexcludedClasses="$excluded" -DtargetTests="$tests"

reports=()
for m in ${modules//,/ }; do
  if [[ -f "$m/target/pit-reports/mutations.xml" ]]; then reports+=("$m/target/pit-reports/mutations.xml"); fi
done
python3 - "${reports[@]}" <<'PY'
import collections, sys
import xml.etree.ElementTree as ET

KILLED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR"}
# One mutant is one (class, method, signature, mutator, indexes, line); any module may kill it.
status = {}
for path in sys.argv[1:]:
    for m in ET.parse(path).getroot().iter("mutation"):
        key = tuple("".join(m.find(k).itertext()).strip() if m.find(k) is not None else ""
                    for k in ("mutatedClass", "mutatedMethod", "methodDescription", "mutator",
                              "indexes", "lineNumber", "description"))
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
print(f"({len(sys.argv) - 1} module reports merged: {', '.join(p.split('/')[0] for p in sys.argv[1:])})")
PY
