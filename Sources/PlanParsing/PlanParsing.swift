import PlanModel
