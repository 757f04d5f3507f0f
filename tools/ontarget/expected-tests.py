#!/usr/bin/env python3
"""Lists the on-target test rows the launcher must report, read from the test sources.

One line per row, as the real UnitTestLauncher names it: <Namespace>.<Class>.<Method>.<row>.
A [TestMethod] without [DataRow] is one row (0); a method with k [DataRow] attributes is k rows.
Used by tools/ontarget/run.sh to turn a test that never reported (a class the launcher could not
load, a method it skipped) into a failure instead of a smaller total.
"""
import re
import sys
from pathlib import Path

ns_re = re.compile(r"^\s*namespace\s+([\w.]+)")
class_re = re.compile(r"^\s*(?:public\s+|internal\s+)?(?:static\s+)?(?:sealed\s+)?class\s+(\w+)")
attr_re = re.compile(r"^\s*\[(TestMethod|DataRow)\b")
method_re = re.compile(r"^\s*public\s+(?:static\s+)?void\s+(\w+)\s*\(")


def rows(path: Path):
    ns, cls, is_test_class = "", None, False
    pending_test, pending_rows = False, 0
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        m = ns_re.match(line)
        if m:
            ns = m.group(1)
            continue
        m = class_re.match(line)
        if m:
            cls = m.group(1)
            is_test_class = any("[TestClass]" in l for l in lines[max(0, i - 3):i])
            continue
        m = attr_re.match(line)
        if m:
            if m.group(1) == "TestMethod":
                pending_test = True
            else:
                pending_rows += 1
            continue
        m = method_re.match(line)
        if m and (pending_test or pending_rows) and is_test_class and cls:
            for r in range(max(1, pending_rows)):
                yield f"{ns}.{cls}.{m.group(1)}.{r}"
            pending_test, pending_rows = False, 0


def main() -> int:
    folder = Path(sys.argv[1])
    for src in sorted(folder.rglob("*.cs")):
        if "/bin/" in str(src) or "/obj/" in str(src):
            continue
        for row in rows(src):
            print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
