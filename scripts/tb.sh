# Sourced by the other scripts: `tb <subcommand> ...` runs the `tongban` command from the virtualenv.
#
# When the installed `tongban` command lacks a subcommand (an older checkout), it falls back to the
# equivalent `manage.py` command so the scripts keep working.

VENV="${VENV:-.venv}"

_tb_has() {
  # `tongban --help` lists the subcommands; cache it once per script run.
  if [[ -z "${_TB_HELP+x}" ]]; then
    _TB_HELP="$("$VENV/bin/tongban" --help 2>/dev/null || true)"
  fi
  grep -qE "(^|[[:space:],{])$1([[:space:],}]|$)" <<<"$_TB_HELP"
}

tb() {
  local sub="$1"
  shift
  if [[ -x "$VENV/bin/tongban" ]] && _tb_has "$sub"; then
    "$VENV/bin/tongban" "$sub" "$@"
    return
  fi
  case "$sub" in
    migrate) "$VENV/bin/python" manage.py migrate --noinput "$@" ;;
    load-demo) "$VENV/bin/python" manage.py load_demo "$@" ;;
    demo-accounts) "$VENV/bin/python" manage.py demo_accounts "$@" ;;
    serve)
      "$VENV/bin/python" manage.py collectstatic --noinput -v 0
      "$VENV/bin/gunicorn" tongban.wsgi:application --bind "${TONGBAN_BIND:-127.0.0.1:8000}" --workers 2 \
        --access-logfile - "$@"
      ;;
    *) "$VENV/bin/python" manage.py "${sub//-/_}" "$@" ;;
  esac
}
