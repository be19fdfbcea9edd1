# The site for the public: gunicorn on Debian 12 (bookworm), run as an unprivileged user,
# with only what runs. Put nginx in front (compose.yaml): gunicorn alone is not safe from
# slow clients. Build: docker build -t prop64-petition .

# USWDS's compiled assets, from npm (package-lock.json pins them).
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error \
 && mkdir -p uswds \
 && cp -r node_modules/@uswds/uswds/dist/css node_modules/@uswds/uswds/dist/js \
          node_modules/@uswds/uswds/dist/fonts node_modules/@uswds/uswds/dist/img uswds/

# Python dependencies, exactly as locked (every file checked against its hash).
FROM python:3.11-slim-bookworm AS python
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
RUN /venv/bin/pip install --require-hashes -r /tmp/requirements.lock
COPY translations /build/translations
RUN /venv/bin/pybabel compile -d /build/translations && /venv/bin/pybabel compile -D documents -d /build/translations

FROM python:3.11-slim-bookworm
# Pango and HarfBuzz for WeasyPrint; Noto for every script the papers print.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin petition
WORKDIR /app
COPY --from=python /venv /venv
COPY app.py gunicorn.conf.py pyproject.toml ./
COPY petition ./petition
COPY templates ./templates
COPY --from=python /build/translations ./translations
COPY --from=assets /build/uswds ./petition/static/uswds
ENV PATH=/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    BIND=0.0.0.0:8000 TRUSTED_PROXIES=1 XDG_CACHE_HOME=/tmp/cache
USER petition
EXPOSE 8000
# gunicorn.conf.py: gthread workers, the route-only access log, WeasyPrint warmed per worker.
CMD ["gunicorn", "app:app"]
