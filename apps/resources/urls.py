from django.urls import path

from apps.resources import views

app_name = "resources"
urlpatterns = [
    path("crisis/", views.crisis, name="crisis"),
    path("resources/", views.library, name="library"),
    path("resources/exercises/<slug:slug>/", views.exercise_detail, name="exercise"),
    path("resources/exercises/<slug:slug>/log/", views.exercise_log, name="exercise-log"),
    path("resources/approaches/<slug:slug>/", views.approach_detail, name="approach"),
]
