# The settings that are secret, in Secrets Manager, injected into the tasks as environment
# variables. The data keys are generated here; DATA_ENCRYPTION_KEYS can later be rotated by
# putting a new value (new key first, old keys after) — see docs/deployment.md.

resource "random_bytes" "data_key" {
  length = 32
}

resource "random_password" "lookup_secret" {
  length  = 48
  special = false
}

# Signs playback and receipt tokens; production requires its own value, never LOOKUP_SECRET's.
resource "random_password" "internal_signing_secret" {
  length  = 48
  special = false
}

locals {
  # node-postgres: encrypted connection (rds.force_ssl) with libpq's meaning of sslmode=require.
  database_url = format(
    "postgres://%s:%s@%s:%d/%s?sslmode=require&uselibpqcompat=true",
    aws_db_instance.main.username,
    random_password.db.result,
    aws_db_instance.main.address,
    aws_db_instance.main.port,
    aws_db_instance.main.db_name,
  )
  redis_url = format(
    "rediss://:%s@%s:%d",
    random_password.redis.result,
    aws_elasticache_replication_group.main.primary_endpoint_address,
    aws_elasticache_replication_group.main.port,
  )
  generated_secrets = {
    DATABASE_URL            = local.database_url
    REDIS_URL               = local.redis_url
    DATA_ENCRYPTION_KEYS    = "k1:${random_bytes.data_key.base64}"
    LOOKUP_SECRET           = random_password.lookup_secret.result
    INTERNAL_SIGNING_SECRET = random_password.internal_signing_secret.result
  }
}

resource "aws_secretsmanager_secret" "app" {
  for_each                = local.generated_secrets
  name                    = "${local.name}/${each.key}"
  kms_key_id              = aws_kms_key.data.arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "app" {
  for_each      = local.generated_secrets
  secret_id     = aws_secretsmanager_secret.app[each.key].id
  secret_string = each.value

  # Rotations are done in Secrets Manager (keys added in front); Terraform keeps its hands off.
  lifecycle {
    ignore_changes = [secret_string]
  }
}

locals {
  # Every secret a task reads: the generated ones, the CloudFront signing key, and the operator's.
  task_secret_arns = merge(
    { for name, secret in aws_secretsmanager_secret.app : name => secret.arn },
    { CLOUDFRONT_PRIVATE_KEY = var.cloudfront_private_key_secret_arn },
    var.app_secret_arns,
  )
}
