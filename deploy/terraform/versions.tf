terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # Keep state remote and encrypted: it holds generated secrets. For example:
  # backend "s3" {
  #   bucket         = "my-terraform-state"
  #   key            = "video-window/terraform.tfstate"
  #   region         = "us-east-1"
  #   dynamodb_table = "terraform-locks"
  #   encrypt        = true
  # }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "video-window"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
