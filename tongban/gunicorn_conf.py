"""gunicorn settings for Tongban (``gunicorn -c python:tongban.gunicorn_conf tongban.wsgi``; ``tongban serve`` uses it).

gunicorn answers requests it cannot parse with its own small HTML pages, before Django sees them. Its limits are
set above the ones the platform enforces itself (``tongban.core.middleware``: URLs up to 4,096 characters, header
fields up to 8,190 bytes, 100 header fields), so that within them Django answers with the JSON error shape
(414 ``URI_TOO_LONG``, 431 ``HEADERS_TOO_LARGE``) on API paths. What remains gunicorn's: a request line over
8,190 bytes (gunicorn's maximum; 414), a header field over 16,380 bytes or more than 200 header fields (431), and
malformed HTTP (400) — those get gunicorn's plain pages. nginx in front has its own, lower limits by default
(``large_client_header_buffers 4 8k``); raise them to match if clients need long URLs.
"""

limit_request_line = 8190
limit_request_field_size = 16380
limit_request_fields = 200
