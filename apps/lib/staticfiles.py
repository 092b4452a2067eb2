"""The static files storage: whitenoise's compressed, hashed files, each URL looked up once."""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's storage, whose url() remembers each file's URL.

    The manifest cannot change while a process serves (collectstatic writes it beforehand), yet
    the manifest storage parses and unquotes a name on every lookup: some 136,000 CPU
    instructions each (valgrind), and every page's layout makes half a dozen ({% static %}, and
    django-htmx's {% htmx_script %}). A name missing from the manifest still raises every time.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name: str, force: bool = False) -> str:
        if force or settings.DEBUG:  # DEBUG serves the files unhashed, and may be switched
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
