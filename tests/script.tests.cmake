# ctest checks of the `gradlab` command line (included by tests/CMakeLists.txt): exit statuses,
# streams and exact texts of `run` for scripts and notebooks, --timeout, --version. They run the
# real CLI, natively and — under the wasm preset — through Node (CMAKE_CROSSCOMPILING_EMULATOR),
# so both builds are held to the same bytes. Golden PyTorch comparisons are tests/golden's job.
#
# Each case writes its inputs into the build tree and runs tests/cli_check.cmake (generated
# below), which compares the exit status, stdout and the last stderr line.

set(GRADLAB_CLI_DIR ${CMAKE_CURRENT_BINARY_DIR}/cli)
file(MAKE_DIRECTORY ${GRADLAB_CLI_DIR})

file(WRITE ${GRADLAB_CLI_DIR}/cli_check.cmake [=[
# -DCMD=<program|args...> -DEMULATOR=<node or empty> -DRC=<expected status> -DSTDOUT_FILE=<expected stdout or empty>
# -DSTDERR_LAST=<expected last stderr line or empty> -DSTDERR_FILE=<expected full stderr or empty>
# -DOUTPUT_FILE=<file the run must write> -DOUTPUT_EXPECTED=<its expected content>
string(REPLACE "|" ";" CMD "${CMD}")  # arguments arrive joined with '|' (a ';' would not survive add_test)
execute_process(COMMAND ${EMULATOR} ${CMD} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT "${rc}" STREQUAL "${RC}")
  message(FATAL_ERROR "exit status ${rc}, expected ${RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(STDOUT_FILE)
  file(READ ${STDOUT_FILE} want)
  if(NOT "${out}" STREQUAL "${want}")
    message(FATAL_ERROR "stdout differs.\n--- expected\n${want}\n--- got\n${out}")
  endif()
endif()
if(STDERR_FILE)
  file(READ ${STDERR_FILE} want)
  if(NOT "${err}" STREQUAL "${want}")
    message(FATAL_ERROR "stderr differs.\n--- expected\n${want}\n--- got\n${err}")
  endif()
endif()
if(STDERR_LAST)
  string(STRIP "${err}" stripped)
  string(REGEX REPLACE "^.*\n" "" last "${stripped}")
  if(NOT "${last}" STREQUAL "${STDERR_LAST}")
    message(FATAL_ERROR "last stderr line is '${last}', expected '${STDERR_LAST}'\nstderr:\n${err}")
  endif()
endif()
if(OUTPUT_FILE)
  file(READ ${OUTPUT_FILE} got)
  file(READ ${OUTPUT_EXPECTED} want)
  if(NOT "${got}" STREQUAL "${want}")
    message(FATAL_ERROR "${OUTPUT_FILE} differs.\n--- expected\n${want}\n--- got\n${got}")
  endif()
endif()
]=])

# gradlab_cli_test(NAME name ARGS run ... RC n [STDOUT text] [STDERR_LAST line] [STDERR text]
#                  [OUTPUT file EXPECTED text])
function(gradlab_cli_test)
  cmake_parse_arguments(T "" "NAME;RC;STDOUT;STDERR_LAST;STDERR;OUTPUT;EXPECTED" "ARGS" ${ARGN})
  set(defs -DRC=${T_RC} "-DSTDERR_LAST=${T_STDERR_LAST}" "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}")
  if(DEFINED T_STDOUT)
    file(WRITE ${GRADLAB_CLI_DIR}/${T_NAME}.stdout "${T_STDOUT}")
    list(APPEND defs -DSTDOUT_FILE=${GRADLAB_CLI_DIR}/${T_NAME}.stdout)
  endif()
  if(DEFINED T_STDERR)
    file(WRITE ${GRADLAB_CLI_DIR}/${T_NAME}.stderr "${T_STDERR}")
    list(APPEND defs -DSTDERR_FILE=${GRADLAB_CLI_DIR}/${T_NAME}.stderr)
  endif()
  if(DEFINED T_OUTPUT)
    file(WRITE ${GRADLAB_CLI_DIR}/${T_NAME}.expected "${T_EXPECTED}")
    list(APPEND defs -DOUTPUT_FILE=${T_OUTPUT} -DOUTPUT_EXPECTED=${GRADLAB_CLI_DIR}/${T_NAME}.expected)
  endif()
  string(REPLACE ";" "|" args "${T_ARGS}")
  add_test(NAME ${GRADLAB_TEST_PREFIX}cli.${T_NAME}
           COMMAND ${CMAKE_COMMAND} "-DCMD=$<TARGET_FILE:gradlab>|${args}" ${defs} -P ${GRADLAB_CLI_DIR}/cli_check.cmake
           WORKING_DIRECTORY ${GRADLAB_CLI_DIR})
endfunction()

# ---- inputs ----
file(WRITE ${GRADLAB_CLI_DIR}/hello.py [=[
import torch
x = torch.tensor(4.0, requires_grad=True)
y = x ** 2
y.backward()
print(y, x.grad, sep=' | ')
print(f"{x.grad.item():.2f}", end="!\n")
]=])
file(WRITE ${GRADLAB_CLI_DIR}/nested_error.py [=[
def inner(v):
    return v.backward()

def outer(v):
    return inner(v * 2)

import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
print("before")
outer(w)
print("not reached")
]=])
file(WRITE ${GRADLAB_CLI_DIR}/forever.py [=[
n = 0
while True:
    n += 1
]=])
file(WRITE ${GRADLAB_CLI_DIR}/bad_syntax.py [=[
x = 1
if x
    pass
]=])
file(WRITE ${GRADLAB_CLI_DIR}/exit3.py [=[
print("bye")
exit(3)
print("not reached")
]=])
file(WRITE ${GRADLAB_CLI_DIR}/cells.ipynb [=[
{"cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# notes"]},
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
   "source": ["import torch\n", "x = torch.tensor([1.0, 2.0], requires_grad=True)\n", "print('hi')\n", "x * 2"]},
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "(x ** 2).sum().backward()\nx.grad;"},
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["x.grad"]}
 ],
 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
 "nbformat": 4, "nbformat_minor": 5}
]=])

# ---- cases ----
gradlab_cli_test(NAME version ARGS --version RC 0 STDOUT "gradlab ${PROJECT_VERSION}\n")
gradlab_cli_test(NAME run_script ARGS run hello.py RC 0
  STDOUT "tensor(16., grad_fn=<PowBackward0>) | tensor(8.)\n8.00!\n")
gradlab_cli_test(NAME traceback ARGS run nested_error.py RC 1 STDOUT "before\n"
  STDERR "Traceback (most recent call last):
  File \"${GRADLAB_CLI_DIR}/nested_error.py\", line 10, in <module>
    outer(w)
  File \"${GRADLAB_CLI_DIR}/nested_error.py\", line 5, in outer
    return inner(v * 2)
           ^^^^^^^^^^^^
  File \"${GRADLAB_CLI_DIR}/nested_error.py\", line 2, in inner
    return v.backward()
           ^^^^^^^^^^^^
RuntimeError: grad can be implicitly created only for scalar outputs
")
gradlab_cli_test(NAME timeout ARGS run --timeout 1 forever.py RC 1
  STDERR_LAST "TimeoutError: script exceeded --timeout of 1 second")
gradlab_cli_test(NAME syntax_error ARGS run bad_syntax.py RC 1
  STDERR "  File \"${GRADLAB_CLI_DIR}/bad_syntax.py\", line 2
    if x
        ^
SyntaxError: expected ':'
")
gradlab_cli_test(NAME exit_status ARGS run exit3.py RC 3 STDOUT "bye\n")
gradlab_cli_test(NAME missing_file ARGS run no_such_file.py RC 2)
gradlab_cli_test(NAME notebook ARGS run cells.ipynb --output cells.out.ipynb RC 0
  STDOUT "hi\ntensor([2., 4.], grad_fn=<MulBackward0>)\ntensor([2., 4.])\n"
  OUTPUT cells.out.ipynb EXPECTED [=[{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# notes"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "hi\n"
     ]
    },
    {
     "data": {
      "text/plain": [
       "tensor([2., 4.], grad_fn=<MulBackward0>)"
      ]
     },
     "execution_count": 1,
     "metadata": {},
     "output_type": "execute_result"
    }
   ],
   "source": [
    "import torch\n",
    "x = torch.tensor([1.0, 2.0], requires_grad=True)\n",
    "print('hi')\n",
    "x * 2"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [],
   "source": [
    "(x ** 2).sum().backward()\n",
    "x.grad;"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 3,
   "metadata": {},
   "outputs": [
    {
     "data": {
      "text/plain": [
       "tensor([2., 4.])"
      ]
     },
     "execution_count": 3,
     "metadata": {},
     "output_type": "execute_result"
    }
   ],
   "source": [
    "x.grad"
   ]
  }
 ],
 "metadata": {
  "kernelspec": {
   "display_name": "Python 3",
   "language": "python",
   "name": "python3"
  },
  "language_info": {
   "codemirror_mode": {
    "name": "ipython",
    "version": 3
   },
   "file_extension": ".py",
   "mimetype": "text/x-python",
   "name": "python",
   "nbconvert_exporter": "python",
   "pygments_lexer": "ipython3",
   "version": "3.11.2"
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
]=])
