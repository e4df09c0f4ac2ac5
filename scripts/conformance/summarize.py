"""Reads one tlsfuzzer script's output and prints one tab-separated line:
passed, failed, the first failing case, what the script expected there, what it received.

    python3 summarize.py LOG
"""
import re
import sys

CASE_START = re.compile(r'^(?P<name>[^ ].*?)(?: repeat \d+)? ?\.\.\.(?: (?P<rest>.*))?$')
EXPECTING = re.compile(r'^Error encountered while processing node (?P<node>.+?) \(child: ')
EXPECT_ALERT = re.compile(r'^ExpectAlert\((?P<args>.*)\)$')
EXCEPTION = re.compile(r'^[A-Za-z_.]*(Error|Exception): ')


def alert_name(number):
    try:
        from tlslite.constants import AlertDescription
        return AlertDescription.toStr(int(number))
    except Exception:  # tlslite-ng is not importable: the number then
        return number


def expected_text(node):
    """ExpectAlert(level=2, description=(47,)) -> ExpectAlert(fatal, illegal_parameter)."""
    node = re.sub(r'^<(?:[a-z_]+\.)*(\w+) object at 0x[0-9a-f]+>$', r'\1()', node)
    if len(node) > 100:  # a generator with the whole message it sends: its name is enough
        node = node.split('(', 1)[0] + '(...)'
    match = EXPECT_ALERT.match(node)
    if not match:
        return node
    args = match.group('args')
    level = re.search(r'level=(\d)', args)
    args = re.sub(r'level=\d,? ?', '', args)
    names = [alert_name(n) for n in re.findall(r'\d+', args)]
    parts = (['fatal' if level.group(1) == '2' else 'warning'] if level else []) + [' or '.join(names)] if names \
        else (['fatal' if level and level.group(1) == '2' else 'any'])
    return 'Alert(' + ', '.join(p for p in parts if p) + ')'


def case_blocks(lines):
    """The lines each case printed, by case name, the first run of each name."""
    blocks, name, block = {}, None, []
    for line in lines:
        match = CASE_START.match(line)
        if match and not line.startswith((' ', '\t')):
            if name is not None and name not in blocks:
                blocks[name] = block
            name, block = match.group('name').strip('"'), [match.group('rest')] if match.group('rest') else []
        elif name is not None:
            block.append(line)
    if name is not None and name not in blocks:
        blocks[name] = block
    return blocks


def failure_of(block):
    expected, received = '', ''
    for line in block:
        match = EXPECTING.match(line)
        if match and not expected:
            expected = expected_text(match.group('node'))
        if EXCEPTION.match(line) and not received:
            received = line.split(': ', 1)[1]
            received = received.replace('Unexpected message from peer: ', '')
        if line.startswith('Expected error message') and not received:
            received = line
    return expected, received


def main(path):
    text = open(path, errors='replace').read()
    lines = text.splitlines()
    counts = {k: int(v) for k, v in re.findall(r'^(PASS|FAIL|XPASS): (\d+)$', text, re.M)}
    failed_names = re.findall(r"^\t'(.*)'$", text.split('FAILED:', 1)[1], re.M) if 'FAILED:' in text else []
    passed, failed = counts.get('PASS', 0), counts.get('FAIL', 0) + counts.get('XPASS', 0)
    first, expected, received = '', '', ''
    if failed_names:
        first = failed_names[0]
        expected, received = failure_of(case_blocks(lines).get(first, []))
    elif 'PASS' not in counts:
        # the script stopped before its summary: its last exception says why
        errors = [l for l in lines if EXCEPTION.match(l)]
        first, received = '(script did not finish)', errors[-1] if errors else 'no output'
    received = received if len(received) <= 200 else received[:200] + '...'
    print('\t'.join(field or '-' for field in [str(passed), str(failed), first, expected, received]))


if __name__ == '__main__':
    main(sys.argv[1])
