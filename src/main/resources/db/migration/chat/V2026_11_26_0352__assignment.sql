-- Round-robin assignment remembers when each agent last got a conversation.
ALTER TABLE agent_presence ADD COLUMN last_assigned_at TIMESTAMP WITH TIME ZONE;
