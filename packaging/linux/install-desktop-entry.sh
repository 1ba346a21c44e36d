#!/bin/sh
# Add the Arabic News Workbench to the desktop's application menu, for the current user only:
# installs the icon and a .desktop file whose Exec line points at the Workbench program in this
# folder. Run it again after moving the folder; run it with --remove to take the entry away.
# Nothing here needs root, and the app itself never needs installing: ./Workbench runs it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/arabic-news-workbench.desktop"
icons="$data/icons/hicolor"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$icons/256x256/apps/arabic-news-workbench.png" "$icons/scalable/apps/arabic-news-workbench.svg"
    echo "Removed the Arabic News Workbench from the application menu."
    exit 0
fi

mkdir -p "$data/applications" "$icons/256x256/apps" "$icons/scalable/apps"
cp "$here/arabic-news-workbench.png" "$icons/256x256/apps/arabic-news-workbench.png"
cp "$here/arabic-news-workbench.svg" "$icons/scalable/apps/arabic-news-workbench.svg"
# Exec: the program's absolute path, quoted and escaped as the Desktop Entry specification asks
# (inside quotes \ " ` $ take a backslash, then every backslash is doubled, and % is doubled)
program=$(printf '%s' "$here/Workbench" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
{ grep -v '^Exec=' "$here/arabic-news-workbench.desktop"; printf 'Exec="%s" gui %%f\n' "$program"; } > "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Added the Arabic News Workbench to the application menu ($entry)."
