"""Reads a wheel as pip does, without installing it: its METADATA (name, version, requirements) and
the files it holds. Prints JSON."""
import json
import sys
import zipfile
from email.parser import Parser


def main(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        metadata = Parser().parsestr(z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode())
    json.dump({"name": metadata["Name"], "version": metadata["Version"], "requires": metadata.get_all("Requires-Dist") or [], "files": names}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
