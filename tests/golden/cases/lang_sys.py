# The sys module: version_info, maxsize, float_info, argv, stdout/stderr writes, exit.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor >= 8)
print(sys.version_info >= (3, 8), sys.version_info < (4,), tuple(sys.version_info)[:2])
print(sys.version.split()[0][:4], sys.maxsize, sys.maxsize == 9223372036854775807)
print(sys.float_info.epsilon, sys.float_info.max, sys.float_info.dig, sys.float_info.mant_dig)
print(len(sys.argv), sys.argv[0].endswith("lang_sys.py"))
n = sys.stdout.write("written to stdout\n")
print(n)
sys.stdout.write("no newline; ")
sys.stdout.flush()
print("then print")
sys.stderr.write("to stderr\n")
print("to stdout via file=", file=sys.stdout)
print("err via print", file=sys.stderr)
print(sys.platform, sys.byteorder)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit("bye")
except SystemExit as e:
    print("SystemExit", repr(e.code))
print("before exit")
sys.exit(0)
print("not reached")
