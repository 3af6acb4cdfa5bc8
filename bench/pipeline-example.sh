#!/usr/bin/env bash
# Times the README's main command on a fresh folder, after the build (issue 10: <= 3 minutes on 2 cores).
# Usage: bash bench/pipeline-example.sh        (from anywhere; runs in the repository root, removes jiashi-example/)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Cli -c Release -v quiet -nologo >/dev/null
rm -rf jiashi-example
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f "peak RSS %M kB" -o /tmp/pipeline-example.time)
start=$(date +%s%N)
"${timer[@]}" dotnet run --project src/Cli -c Release -- run --example jiashi > /tmp/pipeline-example.log 2>&1
end=$(date +%s%N)
tail -n 16 /tmp/pipeline-example.log
grep -E "^-- [a-z]+: done" /tmp/pipeline-example.log
echo "wall $(( (end - start) / 1000000 )) ms; $(cat /tmp/pipeline-example.time 2>/dev/null || echo 'peak RSS not measured')"
