from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "apps.checkins"
    label = "checkins"
    verbose_name = "Check-ins and journal"
