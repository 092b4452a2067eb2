# syntax=docker/dockerfile:1
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

RUN groupadd --system --gid 1000 pacewise \
    && useradd --system --uid 1000 --gid pacewise --home-dir /app --shell /usr/sbin/nologin pacewise

WORKDIR /app

COPY requirements.lock .
RUN pip install --no-cache-dir -r requirements.lock

COPY --chown=pacewise:pacewise . .

# Static files are collected (and hashed) at build time; base settings need no secrets for it.
RUN DJANGO_SETTINGS_MODULE=config.settings.base DATABASE_URL=sqlite://:memory: \
    CELERY_BROKER_URL=memory:// python manage.py collectstatic --noinput

USER 1000:1000
EXPOSE 8000

# Migrations are applied on start; worker and beat override the command in docker-compose.yml.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn config.wsgi --bind 0.0.0.0:8000 --workers 3 --access-logfile -"]
