# Video Window on AWS: CloudFront → ALB → ECS Fargate (api and worker services from one image),
# RDS PostgreSQL, ElastiCache Redis, S3 for media, Secrets Manager, CloudWatch Logs.

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}

locals {
  name = "video-window-${var.environment}"
  azs  = slice(data.aws_availability_zones.available.names, 0, 2)
}
