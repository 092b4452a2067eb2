from django.urls import path

from apps.reminders import devices, views

app_name = "reminders"
urlpatterns = [
    path("account/email/", views.preferences, name="preferences"),
    path("account/email/devices/", devices.device_add, name="device-add"),
    path("account/email/devices/forget/", devices.device_forget, name="device-forget"),
    path("account/email/devices/<int:pk>/test/", devices.device_test, name="device-test"),
    path("account/email/devices/<int:pk>/remove/", devices.device_remove, name="device-remove"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
