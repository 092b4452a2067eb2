from django.urls import path

from apps.resources import views

app_name = "resources"
urlpatterns = [
    path("crisis/", views.crisis, name="crisis"),
]
