#!/bin/sh
# A stand-in for sendmail in the Mail tests.
# Usage: sh fake_sendmail.sh RECORD_DIR EXIT_CODE SLEEP_SECONDS [sendmail arguments...]
# Records its sendmail arguments (one per line) and its standard input in RECORD_DIR, writes a
# line to standard error, then exits with EXIT_CODE; with SLEEP_SECONDS > 0 it first records its
# pid and becomes `sleep`, to test the transport's timeout.
dir=$1
code=$2
pause=$3
shift 3
printf '%s\n' "$@" > "$dir/args"
cat > "$dir/stdin"
if [ "$pause" != 0 ]; then
    echo $$ > "$dir/pid"
    exec sleep "$pause"
fi
echo "fake sendmail: exit $code for $*" >&2
exit "$code"
