from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_user_identity_level'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='user',
            name='failed_login_count',
        ),
        migrations.RemoveField(
            model_name='user',
            name='locked_until',
        ),
    ]
