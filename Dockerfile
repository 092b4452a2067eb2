# syntax=docker/dockerfile:1
# One image for every app service (web, worker, beat and the one-shot migrate of
# docker-compose.yml); each gives its own command.
FROM python:3.13-slim-trixie

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

RUN groupadd --system --gid 1000 pacewise \
    && useradd --system --uid 1000 --gid pacewise --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin pacewise

WORKDIR /app

# WeasyPrint lays out the report PDF with Pango; the slim image has neither it nor a font.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install --yes --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.lock .
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

# The code and the collected static files belong to root: the runtime user can read them, not
# change them. Static files are collected (hashed, gzip and Brotli) at build time; base
# settings need no secrets for it.
COPY . .
RUN DJANGO_SETTINGS_MODULE=config.settings.base DATABASE_URL=sqlite://:memory: \
    CELERY_BROKER_URL=memory:// python manage.py collectstatic --noinput

USER 1000:1000
EXPOSE 8000

# Migrations run once per deployment, not here: see the migrate service in docker-compose.yml.
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
