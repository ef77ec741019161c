"""Run by test_writer in a subprocess: submit cases and print each id once acknowledged (then get killed)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.store import CaseWriter, StoreSettings, open_database  # noqa: E402
from tests.store.conftest import make_record  # noqa: E402

data = Path(sys.argv[1])
db = open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
writer = CaseWriter(db, StoreSettings(data_dir=data))
writer.start()
for i in range(int(sys.argv[2])):
    print(writer.submit_case(make_record(seed=i)), flush=True)
writer.stop()
