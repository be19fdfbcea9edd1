"""gunicorn's settings for this site, read from the working directory by `make run` and the
container alike (command-line flags still win).

- gthread workers: a request that waits on the network (a slow client behind no proxy)
  holds a thread, not the whole worker; nginx in compose.yaml buffers slow clients anyway.
- The access log names the route (petition/web/access_log.py), never the path or the query
  string, and the client address only when ACCESS_LOG_CLIENT=1.
- Each worker renders a tiny packet when it starts, so no request pays WeasyPrint's start-up.
"""

import multiprocessing
import os

from petition.web.access_log import FORMAT, FORMAT_WITH_CLIENT, AccessLogger

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count())))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# The same key in every worker even when SECRET_KEY is unset (development only).
preload_app = True
# Requests are small (every form is a few hundred bytes); refuse huge header sections.
limit_request_line = 2048
limit_request_fields = 50
limit_request_field_size = 4096

accesslog = "-"
errorlog = "-"
logger_class = AccessLogger
access_log_format = (FORMAT_WITH_CLIENT if os.environ.get("ACCESS_LOG_CLIENT") == "1"
                     else FORMAT)


def post_worker_init(worker):
    from petition.documents.packet import warm_up

    warm_up()
