from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='identity_level',
            field=models.CharField(choices=[('unverified', '未核验'), ('real_name', '实名核验'), ('window', '窗口核验')], default='unverified', max_length=20, verbose_name='身份核验等级'),
        ),
        migrations.AddField(
            model_name='user',
            name='identity_verified_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='身份核验时间'),
        ),
        migrations.AddField(
            model_name='user',
            name='phone_verified_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='手机号码验证时间'),
        ),
    ]
