variable "region" {
  description = "AWS region of everything except the CloudFront viewer certificate (always us-east-1)."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Name of this deployment (production, staging…); part of every resource name."
  type        = string
  default     = "production"
}

variable "domain_name" {
  description = "Public host name served by CloudFront, e.g. video-window.example (PUBLIC_URL and CDN_BASE_URL)."
  type        = string
}

variable "cloudfront_certificate_arn" {
  description = "ACM certificate for domain_name, issued in us-east-1 (CloudFront requires that region)."
  type        = string
}

variable "origin_domain_name" {
  description = "Host name CloudFront uses to reach the load balancer, e.g. origin.video-window.example; point a DNS record at the alb_dns_name output."
  type        = string
}

variable "alb_certificate_arn" {
  description = "ACM certificate for origin_domain_name in var.region (CloudFront to load balancer traffic is TLS too)."
  type        = string
}

variable "vpc_cidr" {
  description = "Address range of the VPC; split into two public and two private subnets."
  type        = string
  default     = "10.20.0.0/16"
}

variable "single_nat_gateway" {
  description = "One NAT gateway instead of one per availability zone (cheaper, loses egress when its zone fails)."
  type        = bool
  default     = false
}

variable "image_tag" {
  description = "Tag of the image in the ECR repository this configuration creates (built from the repository's Dockerfile)."
  type        = string
  default     = "latest"
}

variable "api_cpu" {
  description = "Fargate CPU units of one API task."
  type        = number
  default     = 512
}

variable "api_memory" {
  description = "Memory (MiB) of one API task."
  type        = number
  default     = 1024
}

variable "api_min_count" {
  description = "Fewest API tasks (at least 2 for availability)."
  type        = number
  default     = 2
}

variable "api_max_count" {
  description = "Most API tasks the autoscaler may run."
  type        = number
  default     = 10
}

variable "worker_cpu" {
  description = "Fargate CPU units of one worker task (ffmpeg transcodes)."
  type        = number
  default     = 2048
}

variable "worker_memory" {
  description = "Memory (MiB) of one worker task."
  type        = number
  default     = 4096
}

variable "worker_min_count" {
  description = "Fewest worker tasks."
  type        = number
  default     = 1
}

variable "worker_max_count" {
  description = "Most worker tasks the autoscaler may run."
  type        = number
  default     = 6
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_engine_version" {
  description = "PostgreSQL version; a major version picks its newest minor, kept current by minor upgrades."
  type        = string
  default     = "18"
}

variable "db_allocated_storage" {
  description = "Initial storage (GiB); grows automatically up to db_max_allocated_storage."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage" {
  description = "Upper bound of storage autoscaling (GiB)."
  type        = number
  default     = 500
}

variable "db_backup_retention_days" {
  description = "Days of automated backups and point-in-time recovery (1–35)."
  type        = number
  default     = 14
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the application logs."
  type        = number
  default     = 30
}

variable "uploads_infrequent_access_days" {
  description = "Days after which original uploads (kept for studio edits) move to cheaper storage."
  type        = number
  default     = 30
}

variable "cloudfront_public_key_pem" {
  description = "Public half of the key pair that signs the CloudFront cookies for /v1/play/* (openssl rsa -pubout)."
  type        = string
}

variable "cloudfront_private_key_secret_arn" {
  description = "Secrets Manager secret holding the PEM private key of that pair (becomes CLOUDFRONT_PRIVATE_KEY)."
  type        = string
}

variable "app_secret_arns" {
  # SMTP_URL, STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required in production: without them
  # the tasks refuse to start (docs/deployment.md, "Production checklist").
  description = "More settings from Secrets Manager, by variable name; must include SMTP_URL, STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, e.g. { SMTP_URL = \"arn:…\", STRIPE_SECRET_KEY = \"arn:…\" }."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for name in ["SMTP_URL", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] : contains(keys(var.app_secret_arns), name)])
    error_message = "app_secret_arns must name SMTP_URL, STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: production refuses to start without them."
  }
}

variable "app_environment" {
  description = "More plain settings by variable name (see .env.example), e.g. { ADMIN_EMAILS = \"ops@example.com\" }."
  type        = map(string)
  default     = {}
}
