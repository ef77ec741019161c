#!/bin/sh
# The station's translations (kiosk/ui/i18n.py): refresh the .ts sources from the code, then compile the .qm
# files the station loads. Run from anywhere; commit the .ts and .qm files.
#   resources/translations/update.sh            # lupdate + lrelease
#   LUPDATE=... LRELEASE=... update.sh          # other tools than the virtualenv's
# -no-obsolete drops texts the code no longer has; tests/kiosk/test_translations.py fails on any text left
# unfinished (new texts arrive as type="unfinished": translate them in Qt Linguist or by hand).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="$root/.venv/bin"
LUPDATE=${LUPDATE:-$bin/pyside6-lupdate}
LRELEASE=${LRELEASE:-$bin/pyside6-lrelease}
# The screening window and what it shows (its parts in kiosk/ui/screening/, its wording in kiosk/station.py,
# which marks it without Qt), the review window with its dialogs and exports, the referral slip,
# the case writer's status lines, the login's refusal and the review rules' refusals (kiosk/store/writer.py,
# accounts.py and reviews.py mark them without Qt), the camera's trouble (kiosk/capture.py marks it) and the
# start-up error box (kiosk/app.py).
sources="kiosk/ui/i18n.py kiosk/ui/style.py kiosk/ui/widgets.py kiosk/ui/screening_window.py kiosk/ui/referral.py
    kiosk/ui/screening/officer_panel.py kiosk/ui/screening/result_panel.py kiosk/ui/screening/sources.py
    kiosk/ui/screening/status_bar.py kiosk/ui/screening/traveller_side.py kiosk/station.py
    kiosk/ui/review/window.py kiosk/ui/review/table_model.py kiosk/ui/review/wording.py kiosk/ui/review/detail.py
    kiosk/ui/review/dashboard.py kiosk/ui/review/login.py kiosk/ui/review/export.py kiosk/ui/review/admin.py
    kiosk/ui/review/stations.py
    kiosk/store/writer.py
    kiosk/store/accounts.py kiosk/store/reviews.py kiosk/capture.py kiosk/app.py"
cd "$root"
for lang in en fr es pt ar zh_CN; do
    # tr(context, text) is kiosk/ui/i18n.py's spelling of QCoreApplication.translate.
    # shellcheck disable=SC2086
    "$LUPDATE" -tr-function-alias translate+=tr -no-obsolete -locations none -source-language en \
        -target-language "$lang" $sources -ts "resources/translations/station_$lang.ts"
done
for ts in resources/translations/station_*.ts; do
    "$LRELEASE" "$ts" -qm "${ts%.ts}.qm"
done
