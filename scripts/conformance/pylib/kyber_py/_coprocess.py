"""The node process that runs @noble/post-quantum's ML-KEM for this package.

One process per Python process, started by the first ML-KEM call and ended when Python exits;
requests and answers are JSON lines (scripts/conformance/mlkem/mlkem-server.mjs describes them).
Whatever keeps it from answering (node or the npm package missing, the process ended, no answer
within the time limit) raises MlKemBackendError, a RuntimeError: never a ValueError, which
tlslite-ng would take for the peer's malformed key share.
"""
import atexit
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time

SERVER_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'mlkem'))
ANSWER_TIMEOUT_SECONDS = 60
EXIT_TIMEOUT_SECONDS = 5


class MlKemBackendError(RuntimeError):
    """The ML-KEM co-process could not be started or did not answer."""


class InvalidInput(Exception):
    """ML-KEM refused an input (a length, the modulus check of ek, the hash check of dk)."""


class Coprocess:
    """A node process running server_dir/mlkem-server.mjs, asked one request at a time."""

    def __init__(self, node=None, server_dir=SERVER_DIR, timeout=ANSWER_TIMEOUT_SECONDS):
        self._node = node
        self._server_dir = server_dir
        self._timeout = timeout
        self._lock = threading.Lock()
        self._process = None
        self._owner_pid = None
        self._stderr = None
        self._buffer = bytearray()
        self._failure = None

    def call(self, request):
        """Sends request (a dict) and returns the answer's dict; raises InvalidInput when ML-KEM
        refused an input, MlKemBackendError when the process cannot answer."""
        with self._lock:
            if self._failure is not None:
                raise MlKemBackendError(self._failure)
            if self._process is None or self._owner_pid != os.getpid():
                self._start()
            try:
                self._write(json.dumps(request, separators=(',', ':')).encode('ascii') + b'\n')
                answer = self._parse(self._read_line())
            except MlKemBackendError as e:
                self._fail(str(e))
                raise
        if 'invalid' in answer:
            raise InvalidInput(answer['invalid'])
        if 'error' in answer:
            raise MlKemBackendError('the ML-KEM co-process did not understand a request: ' + answer['error'])
        return answer

    def close(self):
        """Ends the process: closes its input, waits for it to exit, kills it if it does not."""
        with self._lock:
            if self._process is not None and self._owner_pid == os.getpid():
                self._release(kill=False)

    def _start(self):
        script = os.path.join(self._server_dir, 'mlkem-server.mjs')
        package = os.path.join(self._server_dir, 'node_modules', '@noble', 'post-quantum', 'package.json')
        if not os.path.isfile(script):
            raise MlKemBackendError('the ML-KEM co-process script is missing: ' + script)
        if not os.path.isfile(package):
            raise MlKemBackendError(
                '@noble/post-quantum is not installed in {0}: run `npm ci --prefix {0}` '
                '(scripts/conformance.sh does)'.format(self._server_dir))
        node = self._node or shutil.which('node')
        if node is None or not (os.path.isfile(node) and os.access(node, os.X_OK)):
            raise MlKemBackendError(
                'node (Node.js 20.19 or later) is not {0}: kyber_py runs ML-KEM in it'.format(
                    'on the PATH' if self._node is None else 'at ' + self._node))
        self._stderr = tempfile.TemporaryFile()
        self._buffer.clear()
        self._process = subprocess.Popen(
            [node, script], cwd=self._server_dir, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._stderr, close_fds=True)
        self._owner_pid = os.getpid()
        atexit.register(self.close)

    def _write(self, data):
        try:
            self._process.stdin.write(data)
            self._process.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise MlKemBackendError(self._ended())

    def _read_line(self):
        fd = self._process.stdout.fileno()
        deadline = time.monotonic() + self._timeout
        while b'\n' not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise MlKemBackendError(
                    'the ML-KEM co-process ({0}) did not answer within {1} s'.format(
                        ' '.join(self._process.args), self._timeout))
            chunk = os.read(fd, 65536)
            if not chunk:
                raise MlKemBackendError(self._ended())
            self._buffer += chunk
        line, _, rest = bytes(self._buffer).partition(b'\n')
        self._buffer[:] = rest
        return line

    @staticmethod
    def _parse(line):
        try:
            answer = json.loads(line)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            raise MlKemBackendError('the ML-KEM co-process answered {0!r}, not a JSON object'.format(line[:200]))
        return answer

    def _ended(self):
        try:
            code = self._process.wait(EXIT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:  # it closed its output but runs on
            self._process.kill()
            code = self._process.wait()
        self._stderr.seek(0)
        tail = self._stderr.read().decode('utf-8', 'replace').strip()[-2000:]
        return 'the ML-KEM co-process ({0}) exited with code {1}{2}'.format(
            ' '.join(self._process.args), code, ': ' + tail if tail else '')

    def _fail(self, message):
        self._failure = message
        self._release(kill=True)

    def _release(self, kill):
        process, self._process = self._process, None
        if kill and process.poll() is None:
            process.kill()
        try:
            process.stdin.close()
        except OSError:  # the unsent rest of a request to a process that has gone
            pass
        try:
            process.wait(EXIT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        self._stderr.close()
