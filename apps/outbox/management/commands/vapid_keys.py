import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from apps.outbox import vapid


class Command(BaseCommand):
    help = (
        "Make a VAPID key pair for web push. Prints it as environment lines; with --file, "
        "writes it there as JSON unless the file exists (what `make run` uses)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, help="Keep the pair in this JSON file.")

    def handle(self, *args: object, file: Path | None = None, **options: object) -> None:
        if file is not None and file.exists():
            return
        private, public = vapid.generate()
        if file is None:
            self.stdout.write(f"VAPID_PRIVATE_KEY={private}\nVAPID_PUBLIC_KEY={public}")
            return
        file.parent.mkdir(parents=True, exist_ok=True)
        file.touch(mode=0o600)
        file.write_text(json.dumps({"private": private, "public": public}))
        self.stdout.write(f"Wrote a new VAPID key pair to {file}.")
