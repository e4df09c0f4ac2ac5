"""Runs one tlsfuzzer script by its name, with the arguments that follow:

    python3 run-script.py test-tls13-conversation -h 127.0.0.1 -p 4433

The scripts are modules of the tlsfuzzer package (tlsfuzzer/_apps/test_tls13_*.py, each with a
main()); tlsfuzzer, tlslite-ng and python-ecdsa must be on PYTHONPATH.
"""
import importlib
import sys


def main():
    name = sys.argv[1]
    module = importlib.import_module('tlsfuzzer._apps.' + name.replace('-', '_'))
    sys.argv = [name + '.py'] + sys.argv[2:]
    module.main()


if __name__ == '__main__':
    main()
