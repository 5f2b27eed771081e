output "cloudfront_domain_name" {
  description = "Point domain_name (CNAME or alias record) here."
  value       = aws_cloudfront_distribution.main.domain_name
}

output "alb_dns_name" {
  description = "Point origin_domain_name here (CloudFront's origin)."
  value       = aws_lb.main.dns_name
}

output "ecr_repository_url" {
  description = "Push the image built from the Dockerfile here, tagged image_tag."
  value       = aws_ecr_repository.app.repository_url
}

output "ecs_cluster_name" {
  value = aws_ecs_cluster.main.name
}

output "db_instance_identifier" {
  description = "For point-in-time restores (aws rds restore-db-instance-to-point-in-time)."
  value       = aws_db_instance.main.identifier
}

output "db_endpoint" {
  value = aws_db_instance.main.address
}

output "redis_primary_endpoint" {
  value = aws_elasticache_replication_group.main.primary_endpoint_address
}

output "media_bucket" {
  value = aws_s3_bucket.media.bucket
}

output "secret_arns" {
  description = "Secrets Manager secrets the tasks read, by variable name."
  value       = local.task_secret_arns
}

output "log_groups" {
  value = {
    api    = aws_cloudwatch_log_group.api.name
    worker = aws_cloudwatch_log_group.worker.name
  }
}
