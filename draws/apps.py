from django.apps import AppConfig


class DrawsConfig(AppConfig):
    name = "draws"
    verbose_name = "Express Entry rounds"

    def ready(self):
        from draws import corrections

        corrections.connect()
